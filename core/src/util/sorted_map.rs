//! A map kept as one vector of entries sorted by key: the one map type of the
//! library, and the way it finds a repeated id.
//!
//! Its maps are built once and then read: limits by party id, the members of
//! a nesting, a municipality's population by year, indexes from id to
//! position. A vector sorted once (O(n log n)) and searched by bisection
//! (O(log n)) does that as well as a B-tree and, unlike one, costs a few
//! hundred bytes of code for each key and value type instead of several
//! kilobytes: what the web form downloads (DESIGN.md, "Sorting in the
//! browser"). It reads and writes JSON as an object, as `BTreeMap` did.

use crate::util::sort;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::cmp::Ordering;

/// A map from `K` to `V`: entries sorted by key, each key once.
///
/// Built from pairs ([`FromIterator`], [`From`] an array), where a key given
/// twice keeps its last value, as inserting into a `BTreeMap` one by one
/// would. [`SortedMap::insert`] is O(n): for a handful of entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn find<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value of `key`, if it has one.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`, returning the one it had. O(n): entries
    /// after it move.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// Keeps the entries for which `keep` says so.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&K, &V)> + DoubleEndedIterator {
        self.into_iter()
    }

    /// The keys in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &K> + DoubleEndedIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &V> + DoubleEndedIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The entries in key order, as a slice.
    pub fn as_slice(&self) -> &[(K, V)] {
        &self.entries
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// Sorts once; of a key given twice the last value stays.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut entries: Vec<(K, V)> = pairs.into_iter().collect();
        if entries.windows(2).all(|w| w[0].0 < w[1].0) {
            return SortedMap { entries };
        }
        // Sort positions by (key, latest first), keep the first of each key.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        sort::sort_unstable_by(&mut order, |&a, &b| {
            entries[a].0.cmp(&entries[b].0).then(b.cmp(&a))
        });
        order.dedup_by(|b, a| entries[*a].0 == entries[*b].0);
        let mut slots: Vec<Option<(K, V)>> = entries.drain(..).map(Some).collect();
        let entries = order.into_iter().filter_map(|i| slots[i].take()).collect();
        SortedMap { entries }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self)
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(
            std::collections::BTreeMap::<K, V>::deserialize(deserializer)?
                .into_iter()
                .collect(),
        )
    }
}

#[cfg(feature = "schema")]
impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for SortedMap<K, V> {
    fn inline_schema() -> bool {
        <std::collections::BTreeMap<K, V>>::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<K, V>>::json_schema(generator)
    }
}

/// How many lookups a plain scan serves before an index pays for itself.
const FEW_LOOKUPS: usize = 8;

/// Where ids stand in a list, for looking many of them up: a plain scan
/// for a few lookups (no index to build), an index sorted once for more,
/// so that m lookups among n ids cost O((n + m) log n), never O(n · m).
/// An id listed twice is found at its first place, as a scan finds it.
pub(crate) struct Positions<'a> {
    ids: Vec<&'a str>,
    sorted: Option<SortedMap<&'a str, usize>>,
}

impl<'a> Positions<'a> {
    /// For `lookups` lookups among `ids`.
    pub(crate) fn new(ids: impl IntoIterator<Item = &'a str>, lookups: usize) -> Self {
        let ids: Vec<&str> = ids.into_iter().collect();
        // Built from the last place to the first: a repeated id keeps the
        // last value given, its first place.
        let sorted = (lookups > FEW_LOOKUPS).then(|| {
            ids.iter()
                .enumerate()
                .rev()
                .map(|(i, id)| (*id, i))
                .collect()
        });
        Positions { ids, sorted }
    }

    /// The id at place `i`.
    pub(crate) fn id(&self, i: usize) -> Option<&'a str> {
        self.ids.get(i).copied()
    }

    /// The first place of `id`, if it is listed.
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        match &self.sorted {
            Some(index) => index.get(id).copied(),
            None => self.ids.iter().position(|x| *x == id),
        }
    }
}

/// Of the items `key(0)`, …, `key(len - 1)`, the position of the first one
/// equal to one before it, if any: the place to report a repeated id.
///
/// Native builds fill a hash set in order (O(n)); the browser build sorts
/// positions instead (O(n log n), no hash table code to download). Both give
/// the same position; a property test holds them to each other.
pub(crate) fn first_repeat<T: Ord + std::hash::Hash>(
    len: usize,
    key: impl Fn(usize) -> T,
) -> Option<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut seen = std::collections::HashSet::with_capacity(len);
        (0..len).find(|&i| !seen.insert(key(i)))
    }
    #[cfg(target_arch = "wasm32")]
    first_repeat_by_sorting(len, key)
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn first_repeat_by_sorting<T: Ord>(len: usize, key: impl Fn(usize) -> T) -> Option<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    sort::sort_unstable_by(&mut order, |&a, &b| match key(a).cmp(&key(b)) {
        Ordering::Equal => a.cmp(&b),
        unequal => unequal,
    });
    // In each run of equal items the second position is that item's first
    // repeat; the earliest of those is the answer.
    order
        .windows(2)
        .filter(|w| key(w[0]) == key(w[1]))
        .map(|w| w[1])
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// With an index or by scanning, an id is found at its first place.
        #[test]
        fn positions_find_the_first_place(
            ids in prop::collection::vec(0u8..30, 0..60),
            query in 0u8..40,
        ) {
            let ids: Vec<String> = ids.iter().map(|x| format!("p{x}")).collect();
            let query = format!("p{query}");
            let expected = ids.iter().position(|x| *x == query);
            for lookups in [1, FEW_LOOKUPS + 1] {
                let positions = Positions::new(ids.iter().map(String::as_str), lookups);
                prop_assert_eq!(positions.get(&query), expected);
            }
        }
    }

    proptest! {
        /// Built from pairs, looked up, inserted into and written as JSON,
        /// it is a `BTreeMap` filled one pair at a time.
        #[test]
        fn behaves_as_a_btree_map(
            pairs in prop::collection::vec((0u8..20, any::<u16>()), 0..40),
            extra in prop::collection::vec((0u8..25, any::<u16>()), 0..5),
        ) {
            let mut map: SortedMap<u8, u16> = pairs.iter().copied().collect();
            let mut model: BTreeMap<u8, u16> = pairs.iter().copied().collect();
            for (k, v) in extra {
                prop_assert_eq!(map.insert(k, v), model.insert(k, v));
            }
            prop_assert_eq!(map.len(), model.len());
            prop_assert!(map.iter().eq(model.iter()));
            for k in 0..25u8 {
                prop_assert_eq!(map.get(&k), model.get(&k));
                prop_assert_eq!(map.contains_key(&k), model.contains_key(&k));
            }
            let json = |r: serde_json::Result<String>| r.map_err(|e| TestCaseError::fail(e.to_string()));
            let text = json(serde_json::to_string(&map))?;
            prop_assert_eq!(&text, &json(serde_json::to_string(&model))?);
            let back: SortedMap<u8, u16> = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, map);
        }

        /// The first repeat is the first item seen before, by a set.
        #[test]
        fn first_repeat_is_the_first_item_seen_before(items in prop::collection::vec(0u8..30, 0..40)) {
            let mut seen = std::collections::BTreeSet::new();
            let expected = items.iter().position(|x| !seen.insert(*x));
            prop_assert_eq!(first_repeat(items.len(), |i| items[i]), expected);
            prop_assert_eq!(first_repeat_by_sorting(items.len(), |i| items[i]), expected);
        }
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value() {
        let map = SortedMap::from([("b", 1), ("a", 2), ("b", 3), ("a", 4), ("c", 5)]);
        assert_eq!(map.as_slice(), &[("a", 4), ("b", 3), ("c", 5)]);
        let ids = ["x", "y", "z", "y", "x"];
        assert_eq!(first_repeat(ids.len(), |i| ids[i]), Some(3));
        assert_eq!(first_repeat(2, |i| ids[i]), None);
        assert_eq!(first_repeat_by_sorting(ids.len(), |i| ids[i]), Some(3));
    }
}
