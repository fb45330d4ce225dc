#!/usr/bin/env python3
"""Convert Honnibal's averaged-perceptron POS weights into annalist's compact format.

Run ONCE; the output is checked in as crates/text/data/perceptron_tagger.bin and read by
crates/text/src/tagger_model.rs with include_bytes!. Nothing downloads at build or run time.

    pip download --no-deps -d /tmp/apt textblob-aptagger==0.2.0
    python3 crates/text/tools/convert_tagger.py /tmp/apt/textblob_aptagger-0.2.0-py2.py3-none-any.whl \
        crates/text/data/perceptron_tagger.bin

Source: textblob-aptagger 0.2.0, trontagger-0.1.0.pickle, MIT, Copyright 2013 Matthew Honnibal
(licence text: crates/text/data/LICENSE-perceptron-tagger.txt).

Feature strings are not stored. Each feature "TEMPLATE ARG1 [ARG2]" is stored as a 64-bit hash
built exactly like the Rust side builds it (src/tagger_hash.rs):
    str_hash(bytes) = fx over the bytes, then a 0xFF terminator
    feature = mix(mix(template_seed, str_hash(arg1)), str_hash(arg2))
The pickle was written by Python 2 from byte strings; `encoding='latin1'` maps bytes 1:1 to code
points, so `s.encode('latin1')` recovers the original bytes, which are what we hash.

Format (little-endian):
    b"APTG" u32 version=1 u32 scale
    u32 n_classes, then per class: u8 len, bytes
    u32 n_tagdict, then per entry: u64 word hash, u8 class
    u32 n_features, then per feature: u64 hash, u8 n, then n * (u8 class, i16 weight*scale)
Weights with |w| < PRUNE are dropped (they are below the noise of the averaged perceptron).
"""
import pickle
import struct
import sys
import zipfile

MASK = (1 << 64) - 1
K = 0x517CC1B727220A95
SCALE = 500          # weights are rounded to 0.001 in the pickle; max |w| is ~43.4 -> fits i16
PRUNE = 0.05

# Template order defines the template seeds; it must match TEMPLATES in src/tagger_hash.rs.
TEMPLATES = [
    ("bias", 0), ("i suffix", 1), ("i pref1", 1), ("i-1 tag", 1), ("i-2 tag", 1),
    ("i tag+i-2 tag", 2), ("i word", 1), ("i-1 tag+i word", 2), ("i-1 word", 1),
    ("i-1 suffix", 1), ("i-2 word", 1), ("i+1 word", 1), ("i+1 suffix", 1), ("i+2 word", 1),
]


def rotl5(h):
    return ((h << 5) | (h >> 59)) & MASK


def mix(h, x):
    return ((rotl5(h) ^ x) * K) & MASK


def str_hash(data):
    h = 0
    for b in data:
        h = mix(h, b)
    return mix(h, 0xFF)


def template_seed(index):
    return mix(0x9E3779B97F4A7C15, index + 1)


def feature_hash(key):
    for index, (name, arity) in enumerate(TEMPLATES):
        if arity == 0 and key == name:
            return template_seed(index)
        if arity > 0 and key.startswith(name + " "):
            args = key[len(name) + 1:].split(" ")
            if len(args) != arity:
                raise ValueError(f"bad feature {key!r}")
            h = template_seed(index)
            for arg in args:
                h = mix(h, str_hash(arg.encode("latin1")))
            return h
    raise ValueError(f"unknown template in {key!r}")


def main():
    wheel, out_path = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(wheel) as zf:
        raw = zf.read("textblob_aptagger/trontagger-0.1.0.pickle")
    weights, tagdict, classes = pickle.loads(raw, encoding="latin1")
    classes = sorted(classes)  # predict() breaks ties by the larger label string
    class_index = {c: i for i, c in enumerate(classes)}
    out = bytearray(b"APTG")
    out += struct.pack("<II", 1, SCALE)
    out += struct.pack("<I", len(classes))
    for c in classes:
        data = c.encode("latin1")
        out += struct.pack("<B", len(data)) + data
    out += struct.pack("<I", len(tagdict))
    seen = set()
    for word in sorted(tagdict):
        h = str_hash(word.encode("latin1"))
        assert h not in seen
        seen.add(h)
        out += struct.pack("<QB", h, class_index[tagdict[word]])
    rows = []
    seen = set()
    kept = 0
    for key in sorted(weights):
        entries = [(class_index[c], round(w * SCALE)) for c, w in sorted(weights[key].items())
                   if abs(w) >= PRUNE]
        if not entries:
            continue
        h = feature_hash(key)
        assert h not in seen, key
        seen.add(h)
        for _, q in entries:
            assert -32768 <= q <= 32767
        kept += len(entries)
        rows.append((h, entries))
    out += struct.pack("<I", len(rows))
    for h, entries in rows:
        out += struct.pack("<QB", h, len(entries))
        for c, q in entries:
            out += struct.pack("<Bh", c, q)
    with open(out_path, "wb") as f:
        f.write(out)
    print(f"{len(classes)} classes, {len(tagdict)} tagdict words, {len(rows)} features, "
          f"{kept} weights, {len(out)} bytes -> {out_path}")


if __name__ == "__main__":
    main()
