//! Field paths: where in the input an error is (`key.fixed[0].share`,
//! `scenarios[1].name`). Built by steps rather than by pasting text, so a
//! path is joined one way everywhere: a name after a dot (none at the
//! start), an index in brackets, a path put under another.

use std::fmt;

/// A field path such as `key.fixed[0].share`; the empty path is the input
/// as a whole.
///
/// # Example
/// ```
/// use andel_core::FieldPath;
/// let share = FieldPath::root().key("key").key("fixed").index(0).key("share");
/// assert_eq!(share.as_str(), "key.fixed[0].share");
/// assert_eq!(FieldPath::from("weights[2]").under(&FieldPath::from("key")).as_str(), "key.weights[2]");
/// assert!(FieldPath::from("minimum[3]").starts_with_name("minimum"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(String);

impl FieldPath {
    /// The empty path: the input as a whole.
    pub fn root() -> FieldPath {
        FieldPath(String::new())
    }

    /// The path with a field name after it (`key` + `fixed` is `key.fixed`).
    pub fn key(&self, name: &str) -> FieldPath {
        if self.0.is_empty() {
            FieldPath(name.to_string())
        } else {
            FieldPath(format!("{}.{name}", self.0))
        }
    }

    /// The path with an index after it (`fixed` + 0 is `fixed[0]`).
    pub fn index(&self, i: usize) -> FieldPath {
        FieldPath(format!("{}[{i}]", self.0))
    }

    /// This path put under `prefix` (`weights[2]` under `key` is
    /// `key.weights[2]`; the empty path under `key` is `key`).
    pub fn under(&self, prefix: &FieldPath) -> FieldPath {
        if self.0.is_empty() {
            prefix.clone()
        } else if prefix.0.is_empty() || self.0.starts_with('[') {
            FieldPath(format!("{}{}", prefix.0, self.0))
        } else {
            FieldPath(format!("{}.{}", prefix.0, self.0))
        }
    }

    /// Whether the path's first name is `name` (`minimum`, `minimum.x`,
    /// `minimum[3]`; not `minimums`).
    pub fn starts_with_name(&self, name: &str) -> bool {
        self.rest_after(name).is_some()
    }

    /// What follows the first name when it is `name` (`[3]` of
    /// `minimum[3]`, empty for `minimum`).
    pub fn rest_after(&self, name: &str) -> Option<&str> {
        self.0
            .strip_prefix(name)
            .filter(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    }

    /// The path with its first name read as `to` where it is `from`
    /// (`total[2]` with `total` as `seats` is `seats[2]`).
    pub fn renamed(&self, from: &str, to: &FieldPath) -> FieldPath {
        match self.rest_after(from) {
            Some(rest) => FieldPath(format!("{}{rest}", to.0)),
            None => self.clone(),
        }
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it is the empty path.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for FieldPath {
    /// A path written out (`"key.fixed[0].share"`).
    fn from(text: &str) -> FieldPath {
        FieldPath(text.to_string())
    }
}

impl From<String> for FieldPath {
    fn from(text: String) -> FieldPath {
        FieldPath(text)
    }
}

impl From<FieldPath> for String {
    fn from(path: FieldPath) -> String {
        path.0
    }
}

impl From<&FieldPath> for String {
    fn from(path: &FieldPath) -> String {
        path.0.clone()
    }
}
