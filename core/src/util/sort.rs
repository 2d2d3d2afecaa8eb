//! Sorting and selection in one place.
//!
//! Native builds use the standard library's pattern-defeating quicksort and
//! introselect. The browser build (wasm32) uses one heapsort instead: also
//! O(n log n) and in place, and each use costs a few hundred bytes of code
//! where each use of the standard sorts costs several kilobytes, which is
//! what the web form downloads. Every comparator given here is a total order
//! on the elements it sorts (ties broken by index or identity), so the two
//! give the same result.

use std::cmp::Ordering;

/// Sorts `v` by `compare` (not stable; see the module note).
pub(crate) fn sort_unstable_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable_by(|a, b| compare(a, b));
    #[cfg(target_arch = "wasm32")]
    heapsort(v, |a: &T, b: &T| compare(a, b) == Ordering::Greater);
}

/// Sorts `v` ascending.
pub(crate) fn sort_unstable<T: Ord>(v: &mut [T]) {
    sort_unstable_by(v, T::cmp);
}

/// Reorders `v` so that the element at `index` is the one a full sort by
/// `compare` would put there, none after it compares before it and none
/// before it after it; returns that element.
pub(crate) fn select_nth_unstable_by<T>(
    v: &mut [T],
    index: usize,
    compare: impl FnMut(&T, &T) -> Ordering,
) -> &mut T {
    #[cfg(not(target_arch = "wasm32"))]
    let (_, nth, _) = v.select_nth_unstable_by(index, compare);
    #[cfg(target_arch = "wasm32")]
    let nth = {
        sort_unstable_by(v, compare);
        &mut v[index]
    };
    nth
}

/// [`select_nth_unstable_by`] in ascending order.
pub(crate) fn select_nth_unstable<T: Ord>(v: &mut [T], index: usize) -> &mut T {
    select_nth_unstable_by(v, index, T::cmp)
}

/// Restores the heap order below `pos` in a binary heap where `first(a, b)`
/// means a comes out before b.
pub(crate) fn sift_down<T>(v: &mut [T], mut pos: usize, first: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        let (l, r) = (2 * pos + 1, 2 * pos + 2);
        let mut best = pos;
        if l < v.len() && first(&v[l], &v[best]) {
            best = l;
        }
        if r < v.len() && first(&v[r], &v[best]) {
            best = r;
        }
        if best == pos {
            return;
        }
        v.swap(pos, best);
        pos = best;
    }
}

/// Ascending by `after(a, b)` (a belongs after b): a max-heap, then the
/// largest moved to the end one at a time. The loop is compiled once, for
/// every element type and order, behind [`Heap`]; each use adds only its
/// comparison and its swap.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn heapsort<T>(v: &mut [T], after: impl FnMut(&T, &T) -> bool) {
    let len = v.len();
    heapsort_any(&mut Ordered { v, after }, len);
}

/// A slice in an order, seen through positions.
trait Heap {
    /// Whether the element at `a` belongs after the one at `b`.
    fn after(&mut self, a: usize, b: usize) -> bool;
    fn swap(&mut self, a: usize, b: usize);
}

struct Ordered<'a, T, F> {
    v: &'a mut [T],
    after: F,
}

impl<T, F: FnMut(&T, &T) -> bool> Heap for Ordered<'_, T, F> {
    fn after(&mut self, a: usize, b: usize) -> bool {
        (self.after)(&self.v[a], &self.v[b])
    }

    fn swap(&mut self, a: usize, b: usize) {
        self.v.swap(a, b);
    }
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn heapsort_any(h: &mut dyn Heap, len: usize) {
    for pos in (0..len / 2).rev() {
        sift_down_any(h, pos, len);
    }
    for end in (1..len).rev() {
        h.swap(0, end);
        sift_down_any(h, 0, end);
    }
}

/// [`sift_down`] within the first `len` positions of `h`, the largest
/// (the one after all others) at the root.
fn sift_down_any(h: &mut dyn Heap, mut pos: usize, len: usize) {
    loop {
        let (l, r) = (2 * pos + 1, 2 * pos + 2);
        let mut best = pos;
        if l < len && h.after(l, best) {
            best = l;
        }
        if r < len && h.after(r, best) {
            best = r;
        }
        if best == pos {
            return;
        }
        h.swap(pos, best);
        pos = best;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The browser's heapsort against the standard sort, and selection.
        #[test]
        fn heapsort_and_selection_agree_with_the_standard_sort(
            mut v in proptest::collection::vec(0u16..50, 0..200),
            at in 0usize..200,
        ) {
            let mut expected = v.clone();
            expected.sort();
            let mut h = v.clone();
            heapsort(&mut h, |a: &u16, b: &u16| a > b);
            prop_assert_eq!(&h, &expected);
            if !v.is_empty() {
                let at = at % v.len();
                let nth = *select_nth_unstable(&mut v, at);
                prop_assert_eq!(nth, expected[at]);
                prop_assert!(v[..at].iter().all(|&x| x <= nth));
                prop_assert!(v[at + 1..].iter().all(|&x| x >= nth));
            }
        }
    }
}
