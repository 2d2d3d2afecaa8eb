//! The fast path against the textbook method and the general path.

#![allow(clippy::unwrap_used)]
use super::super::options::TieRule;
use super::super::problem::Context;
use super::*;
use proptest::prelude::*;
use std::collections::BinaryHeap;

/// A problem without limits or ids (also the band's tests').
pub(super) fn problem<'a>(w: &'a [u64], total: u64, ties: &'a TieRule) -> Problem<'a, u64> {
    Problem {
        w,
        weight_total: w.iter().map(|&x| u128::from(x)).sum(),
        total,
        lo: &[],
        hi: &[],
        ctx: Context {
            ids: None,
            n: w.len(),
        },
        ties,
    }
}

/// d(k) as a fraction num/den, written out from the definitions
/// (D'Hondt 1, 2, 3 …; Sainte-Laguë 1, 3, 5 …; modified f, 3, 5 …).
fn divisor_of(d: Divisor, k: u64) -> (u128, u128) {
    let k = u128::from(k);
    match d {
        Divisor::Dhondt => (k + 1, 1),
        Divisor::SainteLague => (2 * k + 1, 1),
        Divisor::Modified { first, scale } if k == 0 => (first, scale),
        Divisor::Modified { .. } => (2 * k + 1, 1),
        _ => unreachable!(),
    }
}

/// A seat on the reference's heap: the larger priority w·den/num first,
/// then the earlier party.
struct Next {
    d: Divisor,
    w: u128,
    k: u64,
    i: usize,
}

impl Next {
    fn key(&self, o: &Next) -> Ordering {
        let (n1, d1) = divisor_of(self.d, self.k);
        let (n2, d2) = divisor_of(o.d, o.k);
        // w1·d1/n1 vs w2·d2/n2 (weights below 2^64, n below 2^33,
        // d below 2^30: each product below 2^127)
        (self.w * d1 * n2)
            .cmp(&(o.w * d2 * n1))
            .then(o.i.cmp(&self.i))
    }
}
impl PartialEq for Next {
    fn eq(&self, o: &Next) -> bool {
        self.key(o) == Ordering::Equal
    }
}
impl Eq for Next {}
impl PartialOrd for Next {
    fn partial_cmp(&self, o: &Next) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Next {
    fn cmp(&self, o: &Next) -> Ordering {
        self.key(o)
    }
}

/// The textbook method: seat after seat to the highest priority, equal
/// priorities to the earlier party.
fn seat_by_seat(d: Divisor, w: &[u64], total: u64) -> Vec<u64> {
    let mut k = vec![0u64; w.len()];
    let mut heap: BinaryHeap<Next> = w
        .iter()
        .enumerate()
        .filter(|&(_, &x)| x > 0)
        .map(|(i, &x)| Next {
            d,
            w: u128::from(x),
            k: 0,
            i,
        })
        .collect();
    for _ in 0..total {
        let mut top = heap.pop().unwrap();
        k[top.i] += 1;
        top.k += 1;
        heap.push(top);
    }
    k
}

fn methods() -> impl Strategy<Value = Divisor> {
    prop_oneof![
        Just(Divisor::Dhondt),
        Just(Divisor::SainteLague),
        (1u128..30).prop_map(|first| Divisor::Modified { first, scale: 10 }),
        (1u128..3_000_000_000).prop_map(|first| Divisor::Modified {
            first,
            scale: 1_000_000_000
        }),
    ]
}

/// Weights with many equal priorities (small and repeated values),
/// populations, and values up to 2^64 − 1.
fn weights() -> impl Strategy<Value = Vec<u64>> {
    prop_oneof![
        prop::collection::vec(0u64..8, 1..40),
        prop::collection::vec(prop::sample::select(vec![0u64, 2, 3, 6, 9, 12]), 1..40),
        prop::collection::vec(1u64..2_000_000, 1..120),
        prop::collection::vec(any::<u64>(), 1..20),
    ]
}

/// Every tie rule, a priority order over `n` parties shuffled.
pub(super) fn tie_rules(n: usize) -> impl Strategy<Value = TieRule> {
    prop_oneof![
        Just(TieRule::Order),
        Just(TieRule::Error),
        Just((0..n).collect::<Vec<usize>>())
            .prop_shuffle()
            .prop_map(|order| TieRule::Priority(
                order
                    .into_iter()
                    .map(super::super::options::PartyRef::Index)
                    .collect()
            )),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The fast path's seats are the textbook method's, seat by seat,
    /// whenever it answers; and it answers.
    #[test]
    fn fast_seats_are_seat_by_seat(d in methods(), w in weights(), total in 1u64..300) {
        prop_assume!(w.iter().any(|&x| x > 0));
        let order = TieRule::Order;
        let p = problem(&w, total, &order);
        let k = p.fast_seats(&d);
        prop_assert!(k.is_some(), "no answer for {:?} {:?} {}", d, w, total);
        prop_assert_eq!(k.unwrap(), seat_by_seat(d, &w, total));
    }

    /// The whole of a divisor method with the fast path (units, ties
    /// reported, the boundary, an error under `error`) is the general
    /// path's, for every tie rule, explained or units only.
    #[test]
    fn fast_and_general_paths_agree(
        d in methods(),
        (w, ties) in weights().prop_flat_map(|w| { let n = w.len(); (Just(w), tie_rules(n)) }),
        total in 1u64..300,
        report in any::<bool>(),
    ) {
        prop_assume!(w.iter().any(|&x| x > 0));
        let p = problem(&w, total, &ties);
        let fast = p.divisor_seats_with(&d, report, true);
        let general = p.divisor_seats_with(&d, report, false);
        match (fast, general) {
            (Ok(f), Ok(g)) => {
                prop_assert_eq!(&f.k, &g.k);
                prop_assert_eq!(&f.ties, &g.ties);
                let slot = |s: Option<super::super::boundary::Slot>| s.map(|s| (s.i, s.k));
                prop_assert_eq!(slot(f.last), slot(g.last));
                prop_assert_eq!(slot(f.next), slot(g.next));
            }
            (Err(f), Err(g)) => prop_assert_eq!(f, g),
            (f, g) => prop_assert!(false, "fast {:?} general {:?}", f.map(|s| s.k), g.map(|s| s.k)),
        }
    }

    /// Counting at a fixed scale a/2^s, in 128 bits at any scale and
    /// from the high word below ½, is the general exact count at the
    /// quotient w·a / 2^s.
    #[test]
    fn fixed_count_is_the_exact_count(
        d in methods(),
        w in prop_oneof![0u64..1_000, 0u64..(1 << 40), any::<u64>(), u64::MAX - 1_000..=u64::MAX],
        mu in prop_oneof![1e-12f64..1e3, 1e-25f64..1e-12, 0.0f64..1.0, 0.49f64..0.51],
    ) {
        let count = match d {
            Divisor::Dhondt => Count::Floor,
            Divisor::SainteLague => Count::Half,
            Divisor::Modified { first, scale } => Count::Modified { first, scale },
            _ => unreachable!(),
        };
        if let Some(f) = Fixed::new(mu, count) {
            let exact = d
                .count_wide(U256::mul(u128::from(w), u128::from(f.a)), 1u128 << f.s, u64::MAX)
                .unwrap();
            prop_assert_eq!(Wide(f, count).seats(w), exact);
            let high = match count {
                Count::Floor => High::<FLOOR>::of(f).map(|h| h.seats(w)),
                Count::Half => High::<HALF>::of(f).map(|h| h.seats(w)),
                Count::Modified { .. } => High::<MODIFIED>::of(f).map(|h| h.seats(w)),
            };
            prop_assert_eq!(high.is_some(), mu < 0.5);
            if let Some(c) = high {
                prop_assert_eq!(c, exact);
            }
        }
    }
}

/// Sizes where the estimate reads a sample (2^11 parties and more):
/// the seats are the textbook method's, and the fast path answers for
/// population-like weights (few distinct weights may leave it to the
/// general path, which the proptests above compare it with).
#[test]
fn fast_seats_on_a_sample_are_seat_by_seat() {
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let order = TieRule::Order;
    for (n, spread) in [
        (3_000usize, 1_000_000u64),
        (10_000, 1_000_000),
        (20_000, 50),
        (40_000, 7),
    ] {
        let w: Vec<u64> = (0..n).map(|_| 1_000 + next() % spread).collect();
        for total in [n as u64 * 3 / 5, 9_000, 10 * n as u64, 33_333] {
            for d in [
                Divisor::Dhondt,
                Divisor::SainteLague,
                Divisor::Modified {
                    first: 14,
                    scale: 10,
                },
            ] {
                let k = problem(&w, total, &order).fast_seats(&d);
                // A staircase of few distinct weights may leave the
                // aim to the general path; population-like weights not.
                assert!(k.is_some() || spread <= 50, "no answer: {d:?} {n} {total}");
                if let Some(k) = k {
                    assert!(k == seat_by_seat(d, &w, total), "{d:?} {n} {total}");
                }
            }
        }
    }
}

/// Worked by hand. D'Hondt 5, 3, 2 for 7 seats: priorities 5, 3, 2.5,
/// 2, 1.67, 1.5, 1.25 (the 7th), then 1 → 4, 2, 1. Sainte-Laguë 10, 4
/// for 2 seats: 10, 4, 3.33 → 1, 1; modified (first divisor 1.4):
/// 7.14, 3.33 (10/3), then 2.86 (4/1.4) → 2, 0. Equal weights 6, 6, 6
/// for 4 seats by D'Hondt: 6, 6, 6, then 3 to the earliest → 2, 1, 1.
#[test]
fn hand_worked() {
    let order = TieRule::Order;
    let seats = |w: &[u64], total: u64, d: Divisor| problem(w, total, &order).fast_seats(&d);
    assert_eq!(seats(&[5, 3, 2], 7, Divisor::Dhondt), Some(vec![4, 2, 1]));
    assert_eq!(seats(&[10, 4], 2, Divisor::SainteLague), Some(vec![1, 1]));
    let modified = Divisor::Modified {
        first: 14,
        scale: 10,
    };
    assert_eq!(seats(&[10, 4], 2, modified), Some(vec![2, 0]));
    assert_eq!(seats(&[6, 6, 6], 4, Divisor::Dhondt), Some(vec![2, 1, 1]));
}

/// Not for the fast path: a weight of 2^64 or more, limits, other
/// methods; the general path decides those.
#[test]
fn leaves_what_it_does_not_take() {
    let order = TieRule::Order;
    let wide = [1u128 << 64, 1];
    let p = Problem {
        w: &wide[..],
        weight_total: (1u128 << 64) + 1,
        total: 3,
        lo: &[],
        hi: &[],
        ctx: Context { ids: None, n: 2 },
        ties: &order,
    };
    assert!(p.fast_seats(&Divisor::Dhondt).is_none());
    assert!(problem(&[5, 3], 4, &order)
        .fast_seats(&Divisor::Adams)
        .is_none());
    let lo = [1u64, 0];
    let limited = Problem {
        lo: &lo,
        ..problem(&[5, 3], 4, &order)
    };
    assert!(limited.fast_seats(&Divisor::Dhondt).is_none());
}
