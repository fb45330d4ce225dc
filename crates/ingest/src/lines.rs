//! A `BufRead` adapter that counts the newlines the XML reader has consumed,
//! giving 1-based line numbers for events without keeping the input around.

use std::io::{self, BufRead, Read};

pub(crate) struct LineCounter<R> {
    inner: R,
    newlines: usize,
}

impl<R: BufRead> LineCounter<R> {
    pub(crate) fn new(inner: R) -> LineCounter<R> {
        LineCounter { inner, newlines: 0 }
    }

    /// 1-based line of the next unconsumed byte.
    pub(crate) fn line(&self) -> usize {
        self.newlines + 1
    }
}

impl<R: BufRead> Read for LineCounter<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available: &[u8] = self.fill_buf()?;
        let count: usize = available.len().min(out.len());
        out[..count].copy_from_slice(&available[..count]);
        self.consume(count);
        Ok(count)
    }
}

impl<R: BufRead> BufRead for LineCounter<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // `consume` never exceeds what the last `fill_buf` returned, so this
        // `fill_buf` only re-borrows the already filled buffer.
        if amount > 0
            && let Ok(buffer) = self.inner.fill_buf()
        {
            let counted: &[u8] = &buffer[..amount.min(buffer.len())];
            self.newlines += counted.iter().filter(|&&byte: &&u8| byte == b'\n').count();
        }
        self.inner.consume(amount);
    }
}
