//! A small JSON Schema validator for the keywords `schema/vietfacts-1.schema.json` uses.
//!
//! It refuses any keyword it does not implement, so the schema cannot grow a rule that the
//! tests silently ignore.

use serde_json::Value;

const KNOWN: &[&str] = &[
    "$schema",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "enum",
    "const",
    "pattern",
    "minimum",
    "maximum",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "anyOf",
    "oneOf",
];

/// The schema file of the repository.
pub fn load_schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/vietfacts-1.schema.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// `Ok` when `value` matches `schema`, or the list of problems with their JSON pointers.
pub fn validate(schema: &Value, value: &Value) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    check(schema, schema, value, "", &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn check(root: &Value, schema: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
    let Some(rules) = schema.as_object() else {
        problems.push(format!("{at}: the schema is not an object"));
        return;
    };
    for key in rules.keys() {
        assert!(
            KNOWN.contains(&key.as_str()),
            "schema keyword {key} is not implemented by the test validator"
        );
    }
    if let Some(reference) = rules.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        let target = &root["$defs"][name];
        assert!(!target.is_null(), "unknown $ref {reference}");
        check(root, target, value, at, problems);
    }
    if let Some(kind) = rules.get("type").and_then(Value::as_str) {
        let ok = match kind {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            "number" => value.is_number(),
            "integer" => value.is_i64() || value.is_u64(),
            other => panic!("unknown type {other}"),
        };
        if !ok {
            problems.push(format!("{at}: expected {kind}, found {value}"));
            return;
        }
    }
    if let Some(allowed) = rules.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        problems.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    if let Some(constant) = rules.get("const")
        && constant != value
    {
        problems.push(format!("{at}: expected {constant}, found {value}"));
    }
    if let (Some(pattern), Some(text)) =
        (rules.get("pattern").and_then(Value::as_str), value.as_str())
        && !regex::Regex::new(pattern).unwrap().is_match(text)
    {
        problems.push(format!("{at}: {text:?} does not match {pattern}"));
    }
    let number = value.as_f64();
    if let (Some(minimum), Some(number)) = (rules.get("minimum").and_then(Value::as_f64), number)
        && number < minimum
    {
        problems.push(format!("{at}: {number} is below {minimum}"));
    }
    if let (Some(maximum), Some(number)) = (rules.get("maximum").and_then(Value::as_f64), number)
        && number > maximum
    {
        problems.push(format!("{at}: {number} is above {maximum}"));
    }
    if let Some(object) = value.as_object() {
        if let Some(required) = rules.get("required").and_then(Value::as_array) {
            for name in required.iter().filter_map(Value::as_str) {
                if !object.contains_key(name) {
                    problems.push(format!("{at}: missing {name}"));
                }
            }
        }
        let properties = rules.get("properties").and_then(Value::as_object);
        for (name, member) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(rule) => check(root, rule, member, &format!("{at}/{name}"), problems),
                None if rules.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    problems.push(format!("{at}: unexpected member {name}"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (rules.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            check(root, items, item, &format!("{at}/{i}"), problems);
        }
    }
    if let Some(options) = rules.get("anyOf").and_then(Value::as_array) {
        let passing = options
            .iter()
            .filter(|o| validate_at(root, o, value))
            .count();
        if passing == 0 {
            problems.push(format!("{at}: matches none of anyOf"));
        }
    }
    if let Some(options) = rules.get("oneOf").and_then(Value::as_array) {
        let passing = options
            .iter()
            .filter(|o| validate_at(root, o, value))
            .count();
        if passing != 1 {
            problems.push(format!("{at}: matches {passing} of oneOf, not exactly one"));
        }
    }
}

fn validate_at(root: &Value, schema: &Value, value: &Value) -> bool {
    let mut problems = Vec::new();
    check(root, schema, value, "", &mut problems);
    problems.is_empty()
}
