//! The pay chart of a salary page, laid out on the server and drawn as inline SVG by
//! `templates/partials/salary_chart.html`: for each area a line from the 10th to the
//! 90th percentile, a box over the middle half and a mark at the median.

use crate::wages::money;
use crate::wages::{Figure, Percentiles, Release, Unit};

const WIDTH: u32 = 720;
const LABEL_RIGHT: u32 = 168;
const PLOT_LEFT: u32 = 180;
const PLOT_RIGHT: u32 = 700;
const TOP: u32 = 34;
const ROW: u32 = 22;

/// One area's bar, in pixels.
pub struct Bar {
    /// Area name.
    pub label: String,
    /// True for the national row, drawn emphasized.
    pub national: bool,
    /// Vertical centre of the row.
    pub y: u32,
    /// Baseline of the label text.
    pub text_y: u32,
    /// 10th percentile.
    pub p10: u32,
    /// 90th percentile (the top code when top-coded).
    pub p90: u32,
    /// True when the 90th percentile is top-coded: the line runs on, dashed.
    pub open_end: bool,
    /// Left of the middle-half box.
    pub box_x: u32,
    /// Width of the middle-half box.
    pub box_width: u32,
    /// Top of the box.
    pub box_y: u32,
    /// The median mark.
    pub median: u32,
    /// Top and bottom of the median mark.
    pub mark_top: u32,
    /// Bottom of the median mark.
    pub mark_bottom: u32,
}

/// A labelled grid line.
pub struct Tick {
    /// Position.
    pub x: u32,
    /// "$50k", "$20".
    pub label: String,
}

/// The whole chart.
pub struct Chart {
    /// SVG width.
    pub width: u32,
    /// SVG height.
    pub height: u32,
    /// Right edge of the area labels.
    pub label_right: u32,
    /// Baseline of the tick labels.
    pub tick_y: u32,
    /// Top of the grid.
    pub top: u32,
    /// Bottom of the grid.
    pub bottom: u32,
    /// Grid lines.
    pub ticks: Vec<Tick>,
    /// One bar per area with complete figures.
    pub bars: Vec<Bar>,
    /// Areas left out because BLS did not publish all five percentiles.
    pub omitted: usize,
    /// The same areas by median, highest first: the chart as a list, for screens too
    /// narrow for its labels.
    pub ranked: Vec<Ranked>,
    /// The highest median, the list's scale.
    pub ranked_max: u64,
}

/// One area in the ranked list.
pub struct Ranked {
    /// Area name.
    pub label: String,
    /// True for the national row.
    pub national: bool,
    /// The median in the chart's unit, for the list's bar.
    pub median: u64,
    /// The median as people read it.
    pub text: String,
}

/// An area to draw: its name, whether it is the nation, and its percentiles.
pub struct Row<'a> {
    /// Area name.
    pub label: &'a str,
    /// True for the national row.
    pub national: bool,
    /// Percentiles in the chart's unit.
    pub percentiles: Option<Percentiles>,
}

impl Chart {
    /// Lays out `rows` in `unit` (whole dollars a year or cents an hour). `None` when
    /// no area has all five percentiles.
    pub fn new(rows: &[Row<'_>], unit: Unit, release: &Release) -> Option<Self> {
        let value = |figure: Figure| release.comparable(figure, unit);
        let complete: Vec<(&Row<'_>, [u64; 5], bool)> = rows
            .iter()
            .filter_map(|row| {
                let p = row.percentiles?;
                let values = [
                    value(p.p10)?,
                    value(p.p25)?,
                    value(p.median)?,
                    value(p.p75)?,
                    value(p.p90)?,
                ];
                Some((row, values, p.p90 == Figure::TopCoded))
            })
            .collect();
        let max = complete.iter().map(|(_, v, _)| v[4]).max()?;
        let (step, scale_max) = nice_scale(max);
        let x = |v: u64| {
            PLOT_LEFT + ((v.min(scale_max) * u64::from(PLOT_RIGHT - PLOT_LEFT)) / scale_max) as u32
        };
        let bottom = TOP + ROW * complete.len() as u32 + 6;
        let ticks = (0..=scale_max / step)
            .map(|i| Tick {
                x: x(i * step),
                label: tick_label(i * step, unit),
            })
            .collect();
        let bars = complete
            .iter()
            .enumerate()
            .map(|(i, (row, v, open_end))| {
                let y = TOP + ROW * i as u32 + ROW / 2 + 4;
                Bar {
                    label: row.label.to_owned(),
                    national: row.national,
                    y,
                    text_y: y + 4,
                    p10: x(v[0]),
                    p90: if *open_end { PLOT_RIGHT } else { x(v[4]) },
                    open_end: *open_end,
                    box_x: x(v[1]),
                    box_width: x(v[3]).saturating_sub(x(v[1])).max(1),
                    box_y: y - 6,
                    median: x(v[2]),
                    mark_top: y - 9,
                    mark_bottom: y + 9,
                }
            })
            .collect();
        let mut ranked: Vec<Ranked> = complete
            .iter()
            .filter_map(|(row, v, _)| {
                Some(Ranked {
                    label: row.label.to_owned(),
                    national: row.national,
                    median: v[2],
                    text: money::figure(row.percentiles?.median, unit, release)?,
                })
            })
            .collect();
        ranked.sort_by(|a, b| b.median.cmp(&a.median).then_with(|| a.label.cmp(&b.label)));
        let ranked_max = ranked.first().map_or(0, |r| r.median);
        Some(Self {
            ranked,
            ranked_max,
            width: WIDTH,
            height: bottom + 4,
            label_right: LABEL_RIGHT,
            tick_y: TOP - 12,
            top: TOP - 4,
            bottom,
            ticks,
            bars,
            omitted: rows.len() - complete.len(),
        })
    }
}

/// A step of 1, 2, 2.5 or 5 times a power of ten giving at most six intervals, and the
/// axis maximum: the first multiple of the step at or above `max`.
fn nice_scale(max: u64) -> (u64, u64) {
    let max = max.max(1);
    let mut magnitude = 1u64;
    loop {
        for step in [magnitude, magnitude * 2, magnitude * 5 / 2, magnitude * 5] {
            if step > 0 && max.div_ceil(step) <= 6 {
                return (step, max.div_ceil(step) * step);
            }
        }
        magnitude *= 10;
    }
}

fn tick_label(value: u64, unit: Unit) -> String {
    match unit {
        Unit::Hourly if value.is_multiple_of(100) => format!("${}", value / 100),
        Unit::Hourly => format!("${}.{:02}", value / 100, value % 100),
        _ if value >= 1000 && value.is_multiple_of(1000) => format!("${}k", value / 1000),
        _ => format!("${value}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wages::tests::release;

    #[test]
    fn scales_are_round() {
        assert_eq!(nice_scale(148_840), (25_000, 150_000));
        assert_eq!(nice_scale(239_200), (50_000, 250_000));
        assert_eq!(nice_scale(7156), (2000, 8000));
        assert_eq!(nice_scale(1), (1, 1));
    }

    #[test]
    fn tick_labels() {
        assert_eq!(tick_label(50_000, Unit::Annual), "$50k");
        assert_eq!(tick_label(0, Unit::Annual), "$0");
        assert_eq!(tick_label(2500, Unit::Hourly), "$25");
        assert_eq!(tick_label(250, Unit::Hourly), "$2.50");
    }

    #[test]
    fn bars_follow_the_figures_and_skip_incomplete_areas() {
        let v = Figure::Value;
        let full = Percentiles {
            p10: v(37_980),
            p25: v(47_670),
            median: v(69_990),
            p75: v(100_480),
            p90: v(148_840),
        };
        let top = Percentiles {
            p90: Figure::TopCoded,
            ..full
        };
        let missing = Percentiles {
            median: Figure::NotReleased,
            ..full
        };
        let rows = [
            Row {
                label: "National",
                national: true,
                percentiles: Some(full),
            },
            Row {
                label: "Topland",
                national: false,
                percentiles: Some(top),
            },
            Row {
                label: "Gapland",
                national: false,
                percentiles: Some(missing),
            },
            Row {
                label: "Noland",
                national: false,
                percentiles: None,
            },
        ];
        let chart = Chart::new(&rows, Unit::Annual, &release()).expect("a chart");
        assert_eq!(chart.bars.len(), 2);
        assert_eq!(chart.omitted, 2);
        let national = &chart.bars[0];
        assert!(national.p10 < national.box_x && national.box_x < national.median);
        assert!(
            national.median < national.box_x + national.box_width
                && national.box_x + national.box_width < national.p90
        );
        assert!(chart.bars[1].open_end);
        assert_eq!(chart.bars[1].p90, PLOT_RIGHT);
        assert!(
            chart
                .ticks
                .iter()
                .all(|t| (PLOT_LEFT..=PLOT_RIGHT).contains(&t.x))
        );
        assert!(Chart::new(&rows[2..], Unit::Annual, &release()).is_none());
    }
}
