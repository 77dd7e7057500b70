//! Turning byte offsets into line numbers, so every error can name its line.

/// Line starts of a piece of text that begins at a known line of its file.
pub struct LineIndex {
    starts: Vec<usize>,
    first_line: usize,
}

impl LineIndex {
    /// Indexes `text`, whose first line is line `first_line` (1-based) of the file.
    pub fn new(text: &str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts, first_line }
    }

    /// The file line holding byte `offset` of the text.
    pub fn line(&self, offset: usize) -> usize {
        let index = self.starts.partition_point(|&start| start <= offset);
        self.first_line + index.saturating_sub(1)
    }

    /// The file line of the last line of the text.
    pub fn last_line(&self) -> usize {
        self.first_line + self.starts.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_file_lines() {
        let index = LineIndex::new("ab\ncd\n\nef", 10);
        assert_eq!(index.line(0), 10);
        assert_eq!(index.line(2), 10);
        assert_eq!(index.line(3), 11);
        assert_eq!(index.line(6), 12);
        assert_eq!(index.line(7), 13);
        assert_eq!(index.last_line(), 13);
    }
}
