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

/// [`select_nth_unstable_by`] ascending, for 64-bit keys (Hamilton's selection). In the
/// browser build a quickselect of its own: monomorphic, a few hundred
/// bytes, O(n) expected where the heapsort behind the generic selection is
/// O(n log n) through a call per comparison; after 2·log2(n) rounds without
/// enough progress the rest is heapsorted, so never worse than O(n log n).
pub(crate) fn select_nth_u64(v: &mut [u64], index: usize) -> u64 {
    #[cfg(not(target_arch = "wasm32"))]
    let nth = *v.select_nth_unstable(index).1;
    #[cfg(target_arch = "wasm32")]
    let nth = quickselect(v, index);
    nth
}

/// The quickselect behind [`select_nth_u64`] (every build runs its tests).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn quickselect(v: &mut [u64], index: usize) -> u64 {
    let (mut lo, mut hi) = (0, v.len());
    let mut rounds = 2 * (usize::BITS - v.len().leading_zeros());
    while hi - lo > 12 {
        if rounds == 0 {
            heapsort(&mut v[lo..hi], |a: &u64, b: &u64| a > b);
            return v[index];
        }
        rounds -= 1;
        // The median of the first, middle and last as the pivot.
        let (a, b, c) = (v[lo], v[lo + (hi - lo) / 2], v[hi - 1]);
        let pivot = a.max(b).min(a.min(b).max(c));
        // Three ways: [lo, lt) below the pivot, [lt, gt) equal, [gt, hi) above.
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i < gt {
            let x = v[i];
            if x < pivot {
                v.swap(lt, i);
                lt += 1;
                i += 1;
            } else if x > pivot {
                gt -= 1;
                v.swap(i, gt);
            } else {
                i += 1;
            }
        }
        if index < lt {
            hi = lt;
        } else if index >= gt {
            lo = gt;
        } else {
            return pivot;
        }
    }
    // A few left: insertion sort.
    for i in lo + 1..hi {
        let mut j = i;
        while j > lo && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
    v[index]
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
            mut v in proptest::collection::vec(0u16..50, 0..600),
            at in 0usize..600,
        ) {
            let mut expected = v.clone();
            expected.sort();
            let mut h = v.clone();
            heapsort(&mut h, |a: &u16, b: &u16| a > b);
            prop_assert_eq!(&h, &expected);
            if !v.is_empty() {
                let at = at % v.len();
                // The browser's quickselect, on many equal keys and on distinct ones.
                for spread in [1u64, 1 << 40] {
                    let mut q: Vec<u64> = v.iter().map(|&x| u64::from(x) * spread).collect();
                    let nth = quickselect(&mut q, at);
                    prop_assert_eq!(nth, u64::from(expected[at]) * spread);
                    prop_assert!(q[..at].iter().all(|&x| x <= nth));
                    prop_assert!(q[at + 1..].iter().all(|&x| x >= nth));
                    prop_assert_eq!(select_nth_u64(&mut q, at), nth);
                }
                let nth = *select_nth_unstable_by(&mut v, at, u16::cmp);
                prop_assert_eq!(nth, expected[at]);
                prop_assert!(v[..at].iter().all(|&x| x <= nth));
                prop_assert!(v[at + 1..].iter().all(|&x| x >= nth));
            }
        }
    }
}
