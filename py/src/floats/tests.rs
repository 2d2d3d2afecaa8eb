//! The float pass against the general path (each float's shortest
//! digits, then exact decimals at one scale) and by hand.

use super::*;

fn d(x: f64) -> String {
    float_decimal(x, &|| "w".into()).unwrap().to_string()
}

#[test]
fn shortest_forms_are_the_digits_repr_shows() {
    // Each by hand: repr(0.072) == '0.072', repr(1e16) == '1e+16', …
    assert_eq!(d(0.072), "0.072");
    assert_eq!(d(0.1), "0.1");
    assert_eq!(d(43089.0), "43089");
    assert_eq!(d(-0.0), "0");
    assert_eq!(d(1e16), "10000000000000000");
    assert_eq!(d(1.5e-7), "0.00000015");
    assert_eq!(d(2f64.powi(60)), "1152921504606847000");
    assert_eq!(python_repr(1e-5), "1e-05");
    assert_eq!(python_repr(1.5e16), "1.5e+16");
    assert_eq!(python_repr(0.0001), "0.0001");
    assert_eq!(python_repr(123.0), "123.0");
    assert_eq!(python_repr(1e15), "1000000000000000.0");
    assert_eq!(python_repr(5e-324), "5e-324");
    let e = float_decimal(1e-300, &|| "weights[3]".into()).unwrap_err();
    assert_eq!((e.code(), e.field()), ("overflow", Some("weights[3]")));
    let e = float_decimal(f64::NAN, &|| "weights[1]".into()).unwrap_err();
    assert_eq!(e.code(), "invalid_number");
}

/// A small xorshift: the same floats on every run, no dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Floats of the kinds people hand us, and the edges: integral ones,
/// short decimals (`np.round(x, k)`), any bit pattern, huge and tiny.
fn float(state: &mut u64) -> f64 {
    let r = next(state);
    let unit = (r >> 11) as f64 / (1u64 << 53) as f64;
    match r % 8 {
        0 => (r >> 20) as f64,
        1 | 2 => {
            let k = (r >> 3) % 7;
            let p = 10f64.powi(k as i32);
            (unit * 1000.0 * p).round() / p
        }
        3 => f64::from_bits(next(state)),
        4 => unit * 10f64.powi((r >> 40) as i32 % 40 - 20),
        5 => [0.0, -0.0, 0.1, 0.2, 0.3, 2f64.powi(53), 1e16, 5e-324][(r >> 5) as usize % 8],
        6 => unit,
        _ => ((r >> 30) % 4) as f64 * 0.25,
    }
}

#[test]
fn scaled_floats_are_the_scaled_decimals_of_the_general_path() {
    // The fast pass against the general one (every float's decimal by
    // the float rule, then one common scale), on arrays that raise the
    // scale midway, repeat values (ties) and hold errors.
    let mut state = 0x2545_f491_4f6c_dd1d;
    let mut fast = 0;
    for round in 0..4000 {
        let n = 1 + next(&mut state) as usize % 12;
        let mut xs: Vec<f64> = (0..n).map(|_| float(&mut state)).collect();
        if round % 3 == 0 {
            // Only short non-negative decimals: the fast pass must take them.
            for x in &mut xs {
                *x = (x.abs() % 1e6 * 100.0).round() / 100.0;
                if !x.is_finite() {
                    *x = 1.5;
                }
            }
            xs.push(xs[0]); // a tie
        }
        let general: Option<Vec<u64>> = xs
            .iter()
            .map(|&x| float_decimal(x, &|| "w".into()).ok())
            .collect::<Option<Vec<_>>>()
            .and_then(|d| scaled_wholes(&d));
        let got = scaled_floats(&xs);
        assert_eq!(got, general, "{xs:?}");
        fast += usize::from(got.is_some());
        if round % 3 == 0 {
            assert!(got.is_some(), "{xs:?}");
        }
    }
    // Both ways taken often: whole numbers, and the general path.
    assert!((1500..3900).contains(&fast), "{fast}");
}

#[test]
fn a_float_s_decimal_is_the_digits_of_its_shortest_form() {
    // The float rule's fast route (no digits) against zmij's shortest
    // digits read as text by core, over many floats.
    let mut state = 88172645463325252;
    for _ in 0..200_000 {
        let x = float(&mut state);
        let text = python_repr(x);
        let by_text = decimal_from_number_text(text.strip_suffix(".0").unwrap_or(&text), "w");
        match (float_decimal(x, &|| "w".into()), by_text) {
            (Ok(a), Ok(b)) => assert!(a == b && a.scale() == b.scale(), "{x:?} {a} {b}"),
            (Err(a), Err(b)) => assert_eq!(a.code(), b.code(), "{x:?}"),
            (a, b) => panic!("{x:?}: {a:?} against {b:?}"),
        }
    }
}

/// The general path: each float's decimal by the float rule (its
/// shortest digits, checked against Python's `repr` in
/// py/tests/test_floats.py), then every number at the largest scale
/// (`None` for an error, a negative number or one that leaves a u64).
fn general(xs: &[f64]) -> Option<Vec<u64>> {
    let decimals = xs
        .iter()
        .map(|&x| float_decimal(x, &|| "w".into()).ok())
        .collect::<Option<Vec<_>>>()?;
    scaled_wholes(&decimals)
}

/// What the one-scale test gives, checked against Rust's own shortest
/// digits (`{}`: no exponent, read exactly): where it takes x at scale
/// s, x's shortest decimal times 10^s is that whole number. (Where two
/// shortest forms are equally near, Rust and Python may write different
/// ones, `1e15 + 0.3`; the test never takes such a float.)
fn check_the_test_by_text(x: f64) -> Result<(), String> {
    for s in 1..=17 {
        if let Some(m) = AtScale::new(s).whole(x) {
            let text = format!("{x}");
            let d = Decimal::from_str_exact(&text).map_err(|e| format!("{x:?}: {e}"))?;
            let want = d * Decimal::from(10u64.pow(s));
            if want != Decimal::from(m) {
                return Err(format!(
                    "{x:?} at scale {s}: {m}, but {text} × 10^{s} is {want}"
                ));
            }
        }
    }
    Ok(())
}

/// The floats that test the fast pass's edges: exact halves of the
/// float spacing near short decimals, sums that are not what they
/// look like, the largest exact integers, subnormals, zeros, powers of
/// two (the spacing beneath is half) and their neighbours.
fn adversarial() -> Vec<f64> {
    let mut v = vec![
        0.1 + 0.2,
        1e15 + 0.3,
        0.3,
        -0.0,
        0.0,
        2f64.powi(53) - 1.0,
        2f64.powi(53),
        2f64.powi(53) + 2.0,
        (2u64.pow(53) + 1) as f64,
        5e-324,
        2.2250738585072014e-308,
        1e-7,
        2f64.powi(-22),
        0.5,
        0.25,
        1.0 / 3.0,
        4.35,
        0.015,
        1.005,
        2.675,
        1e16,
        123456789.12345679,
    ];
    for k in -30..60 {
        let x = 2f64.powi(k);
        v.extend([
            x,
            f64::from_bits(x.to_bits() - 1),
            f64::from_bits(x.to_bits() + 1),
        ]);
    }
    // Halfway: m / 10^s exactly between two floats (x and x + spacing),
    // and both floats around it.
    for s in 1..=4 {
        for m in [5u64, 25, 125, 1_125, 78_125, 999_999_995] {
            let d = m as f64 / 10f64.powi(s);
            v.extend([
                d,
                f64::from_bits(d.to_bits() - 1),
                f64::from_bits(d.to_bits() + 1),
            ]);
        }
    }
    for e in 45..=53 {
        // Spacing 2^(e-52): x + spacing/2 has a short decimal.
        let x = 2f64.powi(e) + 1.0;
        v.extend([x, x + 0.5, x + 0.25, x + 0.125, x - 0.375]);
    }
    v
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// The one-pass reading of a float64 array (no division, exact
    /// integer check) against the general path (each float's shortest
    /// digits, then exact decimals at one scale): the same
    /// whole numbers, or both give up, for any bit patterns, short
    /// decimals (shares), integral floats, repeats (ties) and the
    /// adversarial floats, the scale rising midway.
    #[test]
    fn fast_float_pass_equals_the_general_path(
        picks in proptest::collection::vec((0u8..6, proptest::prelude::any::<u64>(), 0u32..12), 1..40),
    ) {
        let edges = adversarial();
        let xs: Vec<f64> = picks
            .iter()
            .map(|&(kind, r, k)| match kind {
                0 => f64::from_bits(r),
                1 => ((r % 10_000_000) as f64 / 10f64.powi(k as i32 % 5)).abs(),
                2 => (r >> 11) as f64,
                3 => edges[r as usize % edges.len()].abs(),
                4 => (r % 1_000_000) as f64 / 10f64.powi(k as i32),
                _ => (r % 100) as f64 * 0.01,
            })
            .collect();
        proptest::prop_assert_eq!(scaled_floats(&xs), general(&xs), "{:?}", xs);
        proptest::prop_assert_eq!(scaled_floats_in::<u32>(&xs), narrowed(general(&xs)));
        for &x in &xs {
            proptest::prop_assert!(check_the_test_by_text(x).is_ok(), "{:?}", check_the_test_by_text(x));
        }
        // Short decimals only: the fast pass takes them all.
        let shares: Vec<f64> = picks.iter().map(|&(_, r, _)| (r % 100_000) as f64 / 100.0).collect();
        let got = scaled_floats(&shares);
        proptest::prop_assert!(got.is_some());
        proptest::prop_assert_eq!(got, general(&shares));
    }
}

/// The general path's whole numbers in 32 bits when every one fits.
fn narrowed(wholes: Option<Vec<u64>>) -> Option<Vec<u32>> {
    wholes?.into_iter().map(|m| u32::try_from(m).ok()).collect()
}

/// 32 bits hold 2^32 − 1 and not 2^32, wherever it stands (here in the
/// third block of 256), and not a number scaled past it later (4.29e9
/// with 0.5 after it is 42.900.000.000 and 5 at scale 1).
#[test]
fn thirty_two_bits_until_a_number_leaves_them() {
    let mut xs: Vec<f64> = (0..1_000).map(|i| f64::from(i % 97) * 0.25).collect();
    xs[700] = 4_294_967_295.0 / 4.0; // 1073741823.75: ×100 = 107374182375 > 2^32
    assert_eq!(scaled_floats_in::<u32>(&xs), None);
    assert_eq!(scaled_floats_in::<u32>(&xs), narrowed(scaled_floats(&xs)));
    let mut ys: Vec<f64> = (0..1_000).map(|i| f64::from(i % 97)).collect();
    ys[700] = 4_294_967_295.0;
    let small = scaled_floats_in::<u32>(&ys).unwrap();
    assert_eq!((small[700], small[699]), (u32::MAX, 699 % 97));
    ys[700] = 4_294_967_296.0;
    assert_eq!(scaled_floats_in::<u32>(&ys), None);
    assert_eq!(scaled_floats(&ys).unwrap()[700], 1 << 32);
    assert_eq!(scaled_floats_in::<u32>(&[4.29e9, 0.5]), None);
    assert_eq!(scaled_floats(&[4.29e9, 0.5]), Some(vec![42_900_000_000, 5]));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Arrays longer than a block of 256: the 32-bit pass is the
    /// general path's whole numbers in 32 bits (or `None` when one does
    /// not fit), wherever the float that raises the scale or leaves 32
    /// bits stands.
    #[test]
    fn long_arrays_in_32_bits_are_the_general_path_narrowed(
        base in proptest::collection::vec(0u64..5_000_000, 257..900),
        places in 0u32..3,
        odd in proptest::collection::vec((0usize..900, 0u64..u64::MAX, 0u8..3), 0..4),
    ) {
        let mut xs: Vec<f64> = base.iter().map(|&r| r as f64 / 10f64.powi(places as i32)).collect();
        for &(at, r, kind) in &odd {
            let x = match kind {
                0 => (r % (1 << 40)) as f64,   // may leave 32 bits
                1 => (r % 100_000) as f64 / 1000.0, // raises the scale
                _ => 4_294_967_295.0,
            };
            let i = at % xs.len();
            xs[i] = x;
        }
        proptest::prop_assert_eq!(scaled_floats(&xs), general(&xs));
        proptest::prop_assert_eq!(scaled_floats_in::<u32>(&xs), narrowed(general(&xs)));
    }
}

#[test]
fn the_adversarial_floats_each_and_together_equal_the_general_path() {
    let edges = adversarial();
    for &x in &edges {
        for xs in [
            vec![x],
            vec![0.25, x],
            vec![1.0, x, 0.1 + 0.2],
            vec![x, 7.0, x],
        ] {
            assert_eq!(scaled_floats(&xs), general(&xs), "{xs:?}");
        }
        check_the_test_by_text(x).unwrap();
    }
    // At scale 2 the test takes 4.35 (not 434.99999999999994 / 100):
    // by hand, 4.35 · 100 rounds to 435 and 435 / 100 rounds back to
    // 4.35; 0.1 + 0.2 needs 17 places: 30000000000000004 at scale 17.
    assert_eq!(scaled_floats(&[4.35, 0.5]), Some(vec![435, 50]));
    assert_eq!(
        scaled_floats(&[0.1 + 0.2, 1.0]),
        Some(vec![30_000_000_000_000_004, 100_000_000_000_000_000])
    );
    // 1e15 + 0.3 is 1000000000000000.25 exactly; its repr is
    // 1000000000000000.2, one place: 10^16 + 2 at scale 1.
    assert_eq!(
        scaled_floats(&[1e15 + 0.3]),
        Some(vec![10_000_000_000_000_002])
    );
    // The fast test alone: a share at scale 2 is taken, a float of three
    // places is not (it goes the digits' way and raises the scale).
    let two = AtScale::new(2);
    assert_eq!(
        (two.whole(4.35), two.whole(0.015), two.whole(0.0)),
        (Some(435), None, Some(0))
    );
    assert_eq!(
        (two.whole(-1.5), two.whole(f64::NAN), two.whole(5e-324)),
        (None, None, None)
    );
}
