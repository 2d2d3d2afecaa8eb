//! Fixtures more than one test file reads.

/// A nest document (KKR Nordjylland's places for its member
/// municipalities, 9.000 in all) with `member_places` as the members'
/// rounding options, written as JSON.
pub fn nest_document(member_places: &str) -> String {
    format!(
        r#"{{"version": 1, "nest": {{
          "groups": {{"regions": {{"year": 2022}}}},
          "members": {{"Nordjylland": {{"population": {{"region": "Nordjylland", "year": 2022}}}}}},
          "member_places": {member_places}}},
          "rounding": {{"places": {{}}}}, "scenarios": [{{"name": "s", "total": 9000}}]}}"#
    )
}
