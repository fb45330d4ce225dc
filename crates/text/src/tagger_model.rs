//! The averaged-perceptron weights: read once from the embedded, converted model file
//! (`data/perceptron_tagger.bin`, see `tools/convert_tagger.py`) into hash tables.

use std::sync::OnceLock;

use crate::tag::Tag;

/// The converted model, compiled into the binary.
static MODEL_BYTES: &[u8] = include_bytes!("../data/perceptron_tagger.bin");

/// One slot of [`HashTable`]: the low 32 bits of the key's hash (0 = empty) and
/// the value, side by side so that a lookup touches one cache line.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    fingerprint: u32,
    value: u32,
}

/// An open-addressing `u64 → u32` map storing 32-bit fingerprints: the slot index
/// comes from the high bits and the fingerprint from the low bits, so a false
/// match needs ~50 equal bits (about one in 10^9 lookups of absent keys; such a
/// miss only adds one small weight vector to the scores).
#[derive(Debug, Default)]
pub(crate) struct HashTable {
    slots: Vec<Slot>,
    shift: u32,
}

fn fingerprint(key: u64) -> u32 {
    (key as u32).max(1)
}

impl HashTable {
    fn with_entries(entries: &[(u64, u32)]) -> HashTable {
        let capacity: usize = (entries.len() * 2).next_power_of_two().max(16);
        let mut table: HashTable = HashTable {
            slots: vec![Slot::default(); capacity],
            shift: 64 - capacity.trailing_zeros(),
        };
        for &(key, value) in entries {
            table.insert(key, value);
        }
        table
    }

    fn insert(&mut self, key: u64, value: u32) {
        let mask: usize = self.slots.len() - 1;
        let wanted: u32 = fingerprint(key);
        let mut slot: usize = (key >> self.shift) as usize;
        while self.slots[slot].fingerprint != 0 && self.slots[slot].fingerprint != wanted {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = Slot {
            fingerprint: wanted,
            value,
        };
    }

    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask: usize = self.slots.len() - 1;
        let wanted: u32 = fingerprint(key);
        let mut slot: usize = (key >> self.shift) as usize;
        loop {
            let found: Slot = self.slots[slot];
            if found.fingerprint == wanted {
                return Some(found.value);
            }
            if found.fingerprint == 0 {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Weights of the perceptron, ready for scoring.
#[derive(Debug, Default)]
pub(crate) struct Model {
    /// Class index → tag.
    pub(crate) classes: Vec<Tag>,
    /// Hash of an unambiguous frequent word → class index.
    pub(crate) tagdict: HashTable,
    /// Feature hash → `offset << 8 | count` into `weights`, or, with [`DENSE`] set,
    /// `row << 8` into `dense`.
    pub(crate) features: HashTable,
    pub(crate) weights: Vec<Weight>,
    /// Whole score rows of the features with many weights (the bias, tag contexts,
    /// frequent words): added with vector instructions instead of one class at a time.
    pub(crate) dense: Vec<[i32; SCORE_LANES]>,
}

/// Scores are kept for this many classes (the model has 45).
pub(crate) const SCORE_LANES: usize = 64;

/// Flag of a packed feature value whose weights are a row of [`Model::dense`].
pub(crate) const DENSE: u32 = 1 << 31;

/// Features with at least this many weights get a dense row: below it the sparse list is
/// cheaper than adding a whole row.
const DENSE_MIN_WEIGHTS: u8 = 12;

/// One (class, quantized weight) entry of a feature's weight list.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Weight {
    pub(crate) class: u8,
    pub(crate) value: i16,
}

/// Reads little-endian fields, failing cleanly at the end of the data.
struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, len: usize) -> Result<&'b [u8], &'static str> {
        let end: usize = self.pos.checked_add(len).ok_or("overflow")?;
        let slice: &[u8] = self.bytes.get(self.pos..end).ok_or("truncated model")?;
        self.pos = end;
        Ok(slice)
    }

    fn u8(&mut self) -> Result<u8, &'static str> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, &'static str> {
        let mut raw: [u8; 4] = [0; 4];
        raw.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(raw))
    }

    fn u64(&mut self) -> Result<u64, &'static str> {
        let mut raw: [u8; 8] = [0; 8];
        raw.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(raw))
    }

    fn i16(&mut self) -> Result<i16, &'static str> {
        let mut raw: [u8; 2] = [0; 2];
        raw.copy_from_slice(self.take(2)?);
        Ok(i16::from_le_bytes(raw))
    }
}

impl Model {
    /// Parses the converted model format (see `tools/convert_tagger.py`).
    pub(crate) fn parse(bytes: &[u8]) -> Result<Model, &'static str> {
        let mut reader: Reader<'_> = Reader { bytes, pos: 0 };
        if reader.take(4)? != b"APTG" || reader.u32()? != 1 {
            return Err("not a version 1 tagger model");
        }
        let _scale: u32 = reader.u32()?;
        let class_count: u32 = reader.u32()?;
        let mut classes: Vec<Tag> = Vec::with_capacity(class_count as usize);
        for _ in 0..class_count {
            let len: u8 = reader.u8()?;
            let label: &str =
                std::str::from_utf8(reader.take(len as usize)?).map_err(|_| "bad class label")?;
            classes.push(Tag::from_label(label).ok_or("unknown class label")?);
        }
        let dict_count: u32 = reader.u32()?;
        let mut dict: Vec<(u64, u32)> = Vec::with_capacity(dict_count as usize);
        for _ in 0..dict_count {
            let hash: u64 = reader.u64()?;
            let class: u8 = reader.u8()?;
            if class as usize >= classes.len() {
                return Err("tagdict class out of range");
            }
            dict.push((hash, u32::from(class)));
        }
        let feature_count: u32 = reader.u32()?;
        let mut features: Vec<(u64, u32)> = Vec::with_capacity(feature_count as usize);
        let mut weights: Vec<Weight> = Vec::new();
        let mut dense: Vec<[i32; SCORE_LANES]> = Vec::new();
        for _ in 0..feature_count {
            let hash: u64 = reader.u64()?;
            let count: u8 = reader.u8()?;
            let offset: usize = weights.len();
            for _ in 0..count {
                let class: u8 = reader.u8()?;
                if class as usize >= classes.len() || class as usize >= SCORE_LANES {
                    return Err("weight class out of range");
                }
                weights.push(Weight {
                    class,
                    value: reader.i16()?,
                });
            }
            if count >= DENSE_MIN_WEIGHTS {
                let mut row: [i32; SCORE_LANES] = [0; SCORE_LANES];
                for weight in weights.drain(offset..) {
                    row[weight.class as usize] += i32::from(weight.value);
                }
                let index: u32 = u32::try_from(dense.len())
                    .ok()
                    .filter(|i: &u32| *i < 1 << 23)
                    .ok_or("model too large")?;
                dense.push(row);
                features.push((hash, DENSE | index << 8));
            } else {
                let offset: u32 = u32::try_from(offset)
                    .ok()
                    .filter(|o: &u32| *o < 1 << 23)
                    .ok_or("model too large")?;
                features.push((hash, offset << 8 | u32::from(count)));
            }
        }
        Ok(Model {
            classes,
            tagdict: HashTable::with_entries(&dict),
            features: HashTable::with_entries(&features),
            weights,
            dense,
        })
    }

    /// The embedded model, parsed on first use. An unreadable model (a build
    /// mistake, caught by the tests) gives an empty model that tags every word `NN`.
    pub(crate) fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(MODEL_BYTES).unwrap_or_default())
    }
}
