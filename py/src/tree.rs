//! A key document given as Python objects (dicts, lists, text, numbers)
//! handed to core as the tree its one strict reader reads
//! (`andel_core::document::from_tree`), as the browser binding does: no
//! JSON text is written on the way, and no rule of the document lives here.
//!
//! The rules of the walk: `None`, `True`/`False` and text as they are (a
//! bool is never a number); an int (or a subclass, by its value) as its
//! digits; a `Decimal` exactly, a float by the float rule (its shortest
//! repr; NaN and infinity refused; every float refused under
//! `set_strict(True)`), NumPy scalars alike, subclasses read by value and
//! never by their `__str__` (`convert::decimal`); a mapping with text keys
//! as an object in its order; a list or tuple as a list; anything else, a
//! key that is not text, text that is not valid (a lone surrogate) or
//! nesting deeper than core's limit refused, naming the field's path.

use crate::convert::decimal;
use crate::error::err;
use andel_core::document::{compute_with, from_tree, FileAccess, Json};
use andel_core::Error;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};

/// Core's limit on nesting (`document::json::MAX_DEPTH`), the same for
/// JSON text and for objects.
const MAX_DEPTH: usize = 64;

/// The document error at `path` (the whole document when the path is empty).
fn refused(path: &str, message: String) -> PyErr {
    let field = if path.is_empty() { "document" } else { path };
    err(Error::Document {
        field: field.to_string(),
        message: message.into(),
    })
}

/// Text, refused when it is not valid (a lone surrogate cannot be UTF-8):
/// reported for the whole document, as for JSON text, saying where.
fn text(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<String> {
    obj.extract::<String>().map_err(|_| {
        let at = if path.is_empty() { "document" } else { path };
        refused("", format!("not valid text (a lone surrogate at {at})"))
    })
}

/// The path of `key` inside the object at `path`.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A Python object as core's JSON tree; errors name the field's path.
pub(crate) fn json_tree(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> PyResult<Json> {
    if depth > MAX_DEPTH {
        return Err(refused(
            path,
            format!("nested deeper than {MAX_DEPTH} levels"),
        ));
    }
    if obj.is_none() {
        return Ok(Json::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Json::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyString>() {
        return text(obj, path).map(Json::String);
    }
    if obj.is_instance_of::<PyInt>() {
        // By value: int's own repr, never a subclass's __str__ (an
        // IntEnum); core reads the digits as it reads them in text.
        let digits = match obj.extract::<i128>() {
            Ok(i) => i.to_string(),
            Err(_) => obj
                .py()
                .get_type::<PyInt>()
                .call_method1("__repr__", (obj,))?
                .extract()?,
        };
        return Ok(Json::Number(digits));
    }
    let field = if path.is_empty() { "document" } else { path };
    if obj.is_instance_of::<PyFloat>() || is_number(obj)? {
        return Ok(Json::Number(decimal(obj, field)?.to_string()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return object(dict.iter().map(Ok), path, depth);
    }
    if let Ok(map) = obj.cast::<PyMapping>() {
        let items = map.items()?;
        return object(
            items
                .iter()
                .map(|kv| kv.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()),
            path,
            depth,
        );
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return array(list.iter(), path, depth);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return array(tuple.iter(), path, depth);
    }
    let kind = obj.get_type().name()?;
    Err(refused(
        path,
        format!("a {kind} is not a JSON value (use a list, dict, text or number)"),
    ))
}

/// A `decimal.Decimal` or a NumPy scalar (read by `convert::decimal`).
fn is_number(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let t = obj.get_type();
    if t.module()?.to_cow()? == "numpy" {
        return Ok(true);
    }
    let decimal = obj.py().import("decimal")?.getattr("Decimal")?;
    obj.is_instance(&decimal)
}

/// An object's entries in order; keys must be text.
fn object<'py>(
    entries: impl Iterator<Item = PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)>>,
    path: &str,
    depth: usize,
) -> PyResult<Json> {
    let mut fields = Vec::new();
    for entry in entries {
        let (k, v) = entry?;
        if !k.is_instance_of::<PyString>() {
            return Err(refused(
                path,
                format!("field names are text, got {}", k.repr()?),
            ));
        }
        let key = text(&k, path)?;
        let value = json_tree(&v, &join(path, &key), depth + 1)?;
        fields.push((key, value));
    }
    Ok(Json::Object(fields))
}

/// A list's items in order.
fn array<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    path: &str,
    depth: usize,
) -> PyResult<Json> {
    items
        .enumerate()
        .map(|(i, x)| json_tree(&x, &format!("{path}[{i}]"), depth + 1))
        .collect::<PyResult<Vec<_>>>()
        .map(Json::Array)
}

/// Computes a key document given as Python objects; the result as JSON
/// text, as `compute` gives it for a document given as text. A `csv.path`
/// is read under the working folder.
#[pyfunction]
pub(crate) fn compute_tree(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<String> {
    let tree = json_tree(document, "", 0)?;
    let folder = std::env::current_dir().map_err(|e| {
        err(Error::Io {
            field: String::new(),
            message: format!("no working folder: {e}").into(),
        })
    })?;
    py.detach(|| {
        let doc = from_tree(&tree).map_err(err)?;
        let r = compute_with(&doc, &FileAccess::Under(folder)).map_err(err)?;
        serde_json::to_string(&r).map_err(crate::error::json_err)
    })
}
