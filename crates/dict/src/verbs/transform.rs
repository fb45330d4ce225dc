//! Transformation line reader: `~ a (a b ATTACK) SAY = a b 015`.

use crate::phrase::upper;

use super::TransformTerm;

/// Parse the text after `~` into left-side terms and right-side tokens.
pub fn parse_transformation(text: &str) -> Result<(Vec<TransformTerm>, Vec<String>), String> {
    let (left, right): (&str, &str) = text
        .split_once('=')
        .ok_or_else(|| "transformation has no `=`".to_string())?;
    let spaced: String = left.replace('(', " ( ").replace(')', " ) ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut pos: usize = 0;
    let lhs: Vec<TransformTerm> = terms(&tokens, &mut pos, false)?;
    if lhs.is_empty() {
        return Err("transformation has an empty left side".to_string());
    }
    let rhs: Vec<String> = right.split_whitespace().map(str::to_string).collect();
    if rhs.is_empty() {
        return Err("transformation has an empty right side".to_string());
    }
    Ok((lhs, rhs))
}

/// Read terms until `)` (when `nested`) or the end.
fn terms(tokens: &[&str], pos: &mut usize, nested: bool) -> Result<Vec<TransformTerm>, String> {
    let mut out: Vec<TransformTerm> = Vec::new();
    while let Some(token) = tokens.get(*pos) {
        *pos += 1;
        match *token {
            "(" => out.push(TransformTerm::Group(terms(tokens, pos, true)?)),
            ")" if nested => return Ok(out),
            ")" => return Err("unbalanced `)` in transformation".to_string()),
            t if t == "_" || t == "." || t.chars().all(|c| c.is_lowercase()) => {
                out.push(TransformTerm::Var(t.to_string()))
            }
            t => out.push(TransformTerm::Verb(upper(t))),
        }
    }
    if nested {
        return Err("missing `)` in transformation".to_string());
    }
    Ok(out)
}
