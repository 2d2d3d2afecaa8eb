//! Core errors as thrown JS `Error`s: core's `code`, the `field` path, the
//! error's data as `details` and its message in both languages. Nothing
//! here words an error; core's catalogue does.

use andel_core::Error;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

/// A core error as a real JS `Error` with `code`, `field` and `details`.
pub(crate) fn throw(e: Error) -> JsValue {
    // The whole module says an error in both languages; the first-load
    // module (the web form's, which is Danish) in Danish only: the English
    // of every typed problem would cost it its download budget.
    let da = andel_core::present::da::error(&e);
    #[cfg(feature = "more")]
    let (shown, en) = (
        e.to_string(),
        Some(e.message(andel_core::present::Language::En)),
    );
    #[cfg(not(feature = "more"))]
    let (shown, en): (String, Option<String>) = (da.clone(), None);
    let err = js_sys::Error::new(&shown);
    err.set_name("AndelError");
    let details = serde_json::to_string(&e)
        .ok()
        .and_then(|t| JSON::parse(&t).ok())
        .unwrap_or(JsValue::NULL);
    let field = e.field().map_or(JsValue::NULL, JsValue::from);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    let _ = Reflect::set(&err, &"field".into(), &field);
    let _ = Reflect::set(&err, &"details".into(), &details);
    // The message in both languages, from core's catalogue: a form shows
    // the Danish one without reading meaning out of the English text.
    let messages = js_sys::Object::new();
    let _ = Reflect::set(&messages, &"da".into(), &da.into());
    if let Some(en) = en {
        let _ = Reflect::set(&messages, &"en".into(), &en.into());
    }
    let _ = Reflect::set(&err, &"messages".into(), &messages);
    // The first-load module leaves places in tables, CSV weights and a
    // population file's text out (core's `tables` and `csv_keys` features):
    // such a document is to be computed by the whole module.
    if matches!(&e, Error::InvalidOption { message, .. }
        if message.problem().and_then(|p| p.left_out()).is_some())
    {
        let _ = Reflect::set(&err, &"needsMore".into(), &JsValue::TRUE);
    }
    err.into()
}

pub(crate) fn option_error(field: &str, message: impl Into<String>) -> JsValue {
    throw(Error::InvalidOption {
        field: field.to_string(),
        message: andel_core::error::Detail::Text(message.into()),
    })
}

/// What a caller's value threw while it was read, as an error at `field`
/// (the exception itself on the error's `cause`).
pub(crate) fn threw(field: &str, e: &JsValue) -> JsValue {
    let err = option_error(field, "reading it threw an exception (see cause)");
    let _ = Reflect::set(&err, &"cause".into(), e);
    err
}
