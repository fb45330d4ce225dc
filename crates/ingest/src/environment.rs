//! Assembling the `<Environment>` block.

use crate::model::{ConfigOption, Environment};
use crate::xml::Tag;

/// `<Config option=".." value="..">` as an option, or a message saying what is missing.
pub(crate) fn config_option(tag: &Tag) -> Result<ConfigOption, String> {
    match (tag.attribute("option"), tag.attribute("value")) {
        (Some(option), Some(value)) => Ok(ConfigOption {
            option: option.to_string(),
            value: value.to_string(),
        }),
        _ => Err("<Config> needs option and value attributes".to_string()),
    }
}

/// An `<Environment>` being read.
#[derive(Debug, Default)]
pub(crate) struct EnvironmentBuilder {
    environment: Environment,
    /// The open child element and its text so far.
    open: Option<(String, String)>,
    pub(crate) problems: Vec<String>,
}

impl EnvironmentBuilder {
    pub(crate) fn open(&mut self, tag: &Tag, empty: bool) {
        if tag.name == "Config" {
            match config_option(tag) {
                Ok(option) => self.environment.config.push(option),
                Err(message) => self.problems.push(message),
            }
            return;
        }
        if let Some((open, _)) = &self.open {
            self.problems
                .push(format!("unexpected <{}> inside <{open}>", tag.name));
            return;
        }
        if !empty {
            self.open = Some((tag.name.clone(), String::new()));
        }
    }

    pub(crate) fn text(&mut self, text: &str) {
        match &mut self.open {
            Some((_, content)) => content.push_str(text),
            None if !text.trim().is_empty() => {
                self.problems
                    .push("stray text inside <Environment>".to_string());
            }
            None => {}
        }
    }

    pub(crate) fn close(&mut self, name: &str) {
        match self.open.take() {
            Some((open, content)) if open == name => self.set(open, content.trim().to_string()),
            Some(other) => {
                self.problems
                    .push(format!("unexpected </{name}> inside <{}>", other.0));
                self.open = Some(other);
            }
            None if name == "Config" => {}
            None => self.problems.push(format!("unexpected </{name}>")),
        }
    }

    fn set(&mut self, name: String, value: String) {
        let env: &mut Environment = &mut self.environment;
        let words =
            |value: &str| -> Vec<String> { value.split_whitespace().map(str::to_string).collect() };
        match name.as_str() {
            "Verbfile" => env.verbfile = Some(value),
            "Actorfile" => env.actorfiles.push(value),
            "Agentfile" => env.agentfile = Some(value),
            "Discardfile" => env.discardfile = Some(value),
            "Issuefile" => env.issuefile = Some(value),
            "Errorfile" => env.errorfile = Some(value),
            "Include" => env.include.extend(words(&value)),
            "Exclude" => env.exclude.extend(words(&value)),
            "Pause" => env.pause = Some(value),
            _ => env.other.push((name, value)),
        }
    }

    pub(crate) fn finish(mut self) -> (Environment, Vec<String>) {
        if let Some((open, _)) = self.open.take() {
            self.problems
                .push(format!("unclosed <{open}> in <Environment>"));
        }
        (self.environment, self.problems)
    }
}
