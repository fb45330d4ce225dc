//! HTML to plain text: block elements become paragraphs separated by a blank
//! line, `<br>` a line break, whitespace runs one space (except in `<pre>`).
//! Scripts, styles, captions and other non-prose elements are dropped.
//!
//! Used on the main-text HTML that trafilatura selects and on feed item
//! content. The walk is iterative, so deeply nested junk cannot overflow the
//! stack.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is never prose.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "iframe",
    "object",
    "svg",
    "math",
    "canvas",
    "button",
    "select",
    "textarea",
    "figcaption",
    "nav",
    "form",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The text of an HTML fragment (or page), paragraphs joined by `"\n\n"`.
pub(crate) fn html_to_text(html: &str) -> String {
    paragraphs(html).join("\n\n")
}

/// The paragraphs of an HTML fragment, each trimmed and non-empty.
pub(crate) fn paragraphs(html: &str) -> Vec<String> {
    let fragment: Html = Html::parse_fragment(html);
    let mut builder: TextBuilder = TextBuilder::default();
    for edge in fragment.tree.root().traverse() {
        match edge {
            Edge::Open(node) => builder.open(node),
            Edge::Close(node) => builder.close(node),
        }
    }
    builder.finish()
}

#[derive(Default)]
struct TextBuilder {
    paragraphs: Vec<String>,
    current: String,
    /// Open elements whose content is dropped.
    dropped_depth: usize,
    /// Open `<pre>` elements.
    pre_depth: usize,
}

impl TextBuilder {
    fn open(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Element(element) => {
                let name: &str = element.name();
                if DROPPED.contains(&name) {
                    self.dropped_depth += 1;
                } else if self.dropped_depth == 0 {
                    if name == "br" {
                        self.line_break();
                    } else if BLOCKS.contains(&name) {
                        self.flush();
                    }
                }
                if name == "pre" {
                    self.pre_depth += 1;
                }
            }
            Node::Text(text) if self.dropped_depth == 0 => self.push_text(text),
            _ => {}
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        if let Node::Element(element) = node.value() {
            let name: &str = element.name();
            if DROPPED.contains(&name) {
                self.dropped_depth = self.dropped_depth.saturating_sub(1);
            } else if self.dropped_depth == 0 && BLOCKS.contains(&name) {
                self.flush();
            }
            if name == "pre" {
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            self.current.push_str(text);
            return;
        }
        for character in text.chars() {
            if character.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                    self.current.push(' ');
                }
            } else {
                self.current.push(character);
            }
        }
    }

    fn line_break(&mut self) {
        let kept: usize = self.current.trim_end_matches(' ').len();
        self.current.truncate(kept);
        if !self.current.is_empty() {
            self.current.push('\n');
        }
    }

    fn flush(&mut self) {
        let paragraph: &str = self.current.trim();
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph.to_string());
        }
        self.current.clear();
    }

    fn finish(mut self) -> Vec<String> {
        self.flush();
        self.paragraphs
    }
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn blocks_breaks_and_entities() {
        let html: &str = "<div><p>Troops   <b>left</b>\n the town.</p><p>Talks &amp; truce<br>resumed.</p></div>\
                          <script>var x = 1;</script><figure><img><figcaption>Photo: archive</figcaption></figure>tail";
        assert_eq!(
            html_to_text(html),
            "Troops left the town.\n\nTalks & truce\nresumed.\n\ntail"
        );
    }

    #[test]
    fn plain_text_passes_through() {
        assert_eq!(html_to_text("Just words, no tags."), "Just words, no tags.");
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("<pre>a\n  b</pre>"), "a\n  b");
    }
}
