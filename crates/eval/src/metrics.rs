//! Counting arithmetic shared by the scorers: precision/recall/F1 and confusion matrices.

use std::fmt;

/// True positives, false positives and false negatives for one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    /// tp / (tp + fp); 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// tp / (tp + fn); 0 when there is nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let precision: f64 = self.precision();
        let recall: f64 = self.recall();
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:5.1} %  R {:5.1} %  F1 {:5.1} %  (tp {}, fp {}, fn {})",
            self.precision() * 100.0,
            self.recall() * 100.0,
            self.f1() * 100.0,
            self.true_positives,
            self.false_positives,
            self.false_negatives
        )
    }
}

/// `part / whole`, or 0 when `whole` is 0.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Mean F1 over the given labels' counts (unweighted: each label counts the same).
pub fn macro_f1(per_label: &[Counts]) -> f64 {
    if per_label.is_empty() {
        return 0.0;
    }
    per_label.iter().map(Counts::f1).sum::<f64>() / per_label.len() as f64
}

/// A square confusion matrix: `counts[gold][predicted]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confusion {
    pub counts: Vec<Vec<usize>>,
}

impl Confusion {
    /// An all-zero matrix over `classes` classes.
    pub fn new(classes: usize) -> Confusion {
        Confusion {
            counts: vec![vec![0; classes]; classes],
        }
    }

    /// Adds one item; out-of-range classes are ignored (the readers never produce them).
    pub fn add(&mut self, gold: usize, predicted: usize) {
        if let Some(cell) = self
            .counts
            .get_mut(gold)
            .and_then(|row: &mut Vec<usize>| row.get_mut(predicted))
        {
            *cell += 1;
        }
    }

    /// Number of items counted.
    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    /// Items on the diagonal over all items.
    pub fn accuracy(&self) -> f64 {
        let correct: usize = (0..self.counts.len())
            .map(|c: usize| self.counts[c][c])
            .sum();
        ratio(correct, self.total())
    }

    /// One-vs-rest counts for class `class`.
    pub fn counts_for(&self, class: usize) -> Counts {
        let true_positives: usize = self.counts[class][class];
        let row: usize = self.counts[class].iter().sum();
        let column: usize = self.counts.iter().map(|r: &Vec<usize>| r[class]).sum();
        Counts {
            true_positives,
            false_positives: column - true_positives,
            false_negatives: row - true_positives,
        }
    }

    /// Macro-F1 over every class of the matrix.
    pub fn macro_f1(&self) -> f64 {
        let per_class: Vec<Counts> = (0..self.counts.len())
            .map(|c: usize| self.counts_for(c))
            .collect();
        macro_f1(&per_class)
    }
}

impl fmt::Display for Confusion {
    /// Rows are gold classes, columns predicted classes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gold\\pred")?;
        for class in 0..self.counts.len() {
            write!(f, " {class:>6}")?;
        }
        writeln!(f)?;
        for (gold, row) in self.counts.iter().enumerate() {
            write!(f, "{gold:>9}")?;
            for cell in row {
                write!(f, " {cell:>6}")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_arithmetic() {
        let counts: Counts = Counts {
            true_positives: 2,
            false_positives: 2,
            false_negatives: 0,
        };
        assert!((counts.precision() - 0.5).abs() < 1e-12);
        assert!((counts.recall() - 1.0).abs() < 1e-12);
        assert!((counts.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn confusion_macro_f1_and_accuracy() {
        // gold 0 -> 0, 0 -> 1, 1 -> 1, 2 -> 0
        let mut confusion: Confusion = Confusion::new(3);
        confusion.add(0, 0);
        confusion.add(0, 1);
        confusion.add(1, 1);
        confusion.add(2, 0);
        confusion.add(7, 0);
        assert_eq!(confusion.total(), 4);
        assert!((confusion.accuracy() - 0.5).abs() < 1e-12);
        // class 0: tp1 fp1 fn1 -> F1 .5; class 1: tp1 fp1 fn0 -> 2/3; class 2: 0.
        let expected: f64 = (0.5 + 2.0 / 3.0 + 0.0) / 3.0;
        assert!((confusion.macro_f1() - expected).abs() < 1e-12);
    }
}
