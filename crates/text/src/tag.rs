//! The Penn Treebank part-of-speech tagset as a small `Copy` enum.

use std::fmt;

/// One Penn Treebank POS tag (the 45 tags of the WSJ treebank).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Tag {
    Hash,
    Dollar,
    CloseQuote,
    Comma,
    LeftParen,
    RightParen,
    Period,
    Colon,
    CC,
    CD,
    DT,
    EX,
    FW,
    IN,
    JJ,
    JJR,
    JJS,
    LS,
    MD,
    NN,
    NNP,
    NNPS,
    NNS,
    PDT,
    POS,
    PRP,
    PRPS,
    RB,
    RBR,
    RBS,
    RP,
    SYM,
    TO,
    UH,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    WDT,
    WP,
    WPS,
    WRB,
    OpenQuote,
}

/// Every tag, in the order of its label's byte order (the tagger's tie-break order).
pub const ALL_TAGS: [Tag; 45] = [
    Tag::Hash,
    Tag::Dollar,
    Tag::CloseQuote,
    Tag::Comma,
    Tag::LeftParen,
    Tag::RightParen,
    Tag::Period,
    Tag::Colon,
    Tag::CC,
    Tag::CD,
    Tag::DT,
    Tag::EX,
    Tag::FW,
    Tag::IN,
    Tag::JJ,
    Tag::JJR,
    Tag::JJS,
    Tag::LS,
    Tag::MD,
    Tag::NN,
    Tag::NNP,
    Tag::NNPS,
    Tag::NNS,
    Tag::PDT,
    Tag::POS,
    Tag::PRP,
    Tag::PRPS,
    Tag::RB,
    Tag::RBR,
    Tag::RBS,
    Tag::RP,
    Tag::SYM,
    Tag::TO,
    Tag::UH,
    Tag::VB,
    Tag::VBD,
    Tag::VBG,
    Tag::VBN,
    Tag::VBP,
    Tag::VBZ,
    Tag::WDT,
    Tag::WP,
    Tag::WPS,
    Tag::WRB,
    Tag::OpenQuote,
];

impl Tag {
    /// The Penn label, e.g. `NNP`, `PRP$`, `-LRB-`, ` `` `.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Hash => "#",
            Tag::Dollar => "$",
            Tag::CloseQuote => "''",
            Tag::Comma => ",",
            Tag::LeftParen => "-LRB-",
            Tag::RightParen => "-RRB-",
            Tag::Period => ".",
            Tag::Colon => ":",
            Tag::CC => "CC",
            Tag::CD => "CD",
            Tag::DT => "DT",
            Tag::EX => "EX",
            Tag::FW => "FW",
            Tag::IN => "IN",
            Tag::JJ => "JJ",
            Tag::JJR => "JJR",
            Tag::JJS => "JJS",
            Tag::LS => "LS",
            Tag::MD => "MD",
            Tag::NN => "NN",
            Tag::NNP => "NNP",
            Tag::NNPS => "NNPS",
            Tag::NNS => "NNS",
            Tag::PDT => "PDT",
            Tag::POS => "POS",
            Tag::PRP => "PRP",
            Tag::PRPS => "PRP$",
            Tag::RB => "RB",
            Tag::RBR => "RBR",
            Tag::RBS => "RBS",
            Tag::RP => "RP",
            Tag::SYM => "SYM",
            Tag::TO => "TO",
            Tag::UH => "UH",
            Tag::VB => "VB",
            Tag::VBD => "VBD",
            Tag::VBG => "VBG",
            Tag::VBN => "VBN",
            Tag::VBP => "VBP",
            Tag::VBZ => "VBZ",
            Tag::WDT => "WDT",
            Tag::WP => "WP",
            Tag::WPS => "WP$",
            Tag::WRB => "WRB",
            Tag::OpenQuote => "``",
        }
    }

    /// The tag with Penn label `label`, if any.
    pub fn from_label(label: &str) -> Option<Tag> {
        ALL_TAGS
            .iter()
            .copied()
            .find(|tag: &Tag| tag.as_str() == label)
    }

    /// Any noun tag (`NN`, `NNS`, `NNP`, `NNPS`).
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// A proper noun (`NNP`, `NNPS`).
    pub fn is_proper(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// Any verb tag (`VB`..`VBZ`).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }

    /// A finite verb or modal: can head a clause on its own.
    pub fn is_finite(self) -> bool {
        matches!(self, Tag::VBD | Tag::VBP | Tag::VBZ | Tag::MD)
    }

    /// An adjective (`JJ`, `JJR`, `JJS`).
    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// An adverb (`RB`, `RBR`, `RBS`).
    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    /// Punctuation that PARSEVAL ignores.
    pub fn is_punctuation(self) -> bool {
        matches!(
            self,
            Tag::Comma
                | Tag::Period
                | Tag::Colon
                | Tag::OpenQuote
                | Tag::CloseQuote
                | Tag::LeftParen
                | Tag::RightParen
        )
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
