//! Errors across the boundary: every core error becomes one
//! `CoreError(code, message, field, json)` that the Python facade turns into
//! the right `andel.AndelError` subclass by code (`_errors.py`).

use andel_core::Error;
use pyo3::exceptions::PyException;
use pyo3::PyErr;

pyo3::create_exception!(_andel, CoreError, PyException);

/// A core error as a Python exception carrying (code, message, field, json).
pub(crate) fn err(e: Error) -> PyErr {
    let json = serde_json::to_string(&e).unwrap_or_default();
    CoreError::new_err((e.code(), e.to_string(), e.field().map(str::to_string), json))
}

/// A number that is not one, at `field`, shown as `value`.
pub(crate) fn invalid(field: &str, value: String, reason: &str) -> PyErr {
    err(Error::InvalidNumber {
        field: field.to_string(),
        value,
        reason: reason.into(),
    })
}

/// An option of the wrong kind or value, at `field`.
pub(crate) fn option_err(field: &str, message: String) -> PyErr {
    err(Error::InvalidOption {
        field: field.to_string(),
        message: message.into(),
    })
}

/// JSON handed in (a result, an allocation) that does not read.
pub(crate) fn json_err(e: serde_json::Error) -> PyErr {
    err(Error::Document {
        field: String::new(),
        message: e.to_string().into(),
    })
}

/// A key's field (`parties[1].weight`) as the Python caller named it
/// (`weights[1]`).
pub(crate) fn rename(e: Error) -> Error {
    let field = e
        .field()
        .map(|f| f.replacen("parties", "weights", 1).replace("].weight", "]"));
    match field {
        Some(f) => e.with_field(f),
        None => e,
    }
}
