//! Where a visitor wants pay for: `?state=colorado&metro=pueblo-co` on role and salary
//! pages, read once into a [`Place`] and carried into every link that keeps it.

use crate::wages::{Area, MetroArea, WageData};

/// A state and, within it, a metro or nonmetro area, as chosen in a query string.
#[derive(Debug, Default)]
pub struct Place<'a> {
    /// The chosen state, with its index in [`WageData::areas`].
    pub state: Option<(usize, &'a Area)>,
    /// The chosen area of that state, with its index in the metro areas.
    pub metro: Option<(usize, &'a MetroArea)>,
    /// A state slug we do not know, to say back.
    pub unknown_state: Option<String>,
    /// A metro slug we do not know, to say back.
    pub unknown_metro: Option<String>,
}

impl<'a> Place<'a> {
    /// Reads the `state` and `metro` slugs. A metro area alone brings its state; a
    /// metro area outside the chosen state (the state was changed since) is dropped.
    pub fn resolve(data: &'a WageData, state: Option<&str>, metro: Option<&str>) -> Self {
        let given = |slug: Option<&str>| {
            slug.map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let (state_slug, metro_slug) = (given(state), given(metro));
        let mut place = Place::default();
        if let Some(slug) = &state_slug {
            place.state = data.area(slug).filter(|(i, _)| *i > 0);
            if place.state.is_none() {
                place.unknown_state = Some(slug.clone());
            }
        }
        if let Some(slug) = &metro_slug {
            match data.metro().area(slug) {
                None => place.unknown_metro = Some(slug.clone()),
                Some((i, area)) => match place.state {
                    Some((state, _)) if !area.states.contains(&state) => {}
                    Some(_) => place.metro = Some((i, area)),
                    None if state_slug.is_none() => {
                        let state = area.states[0];
                        place.state = Some((state, &data.areas()[state]));
                        place.metro = Some((i, area));
                    }
                    None => {}
                },
            }
        }
        place
    }

    /// `&state=colorado&metro=pueblo-co`, or less, or nothing: to append to a link.
    pub fn query(&self) -> String {
        let mut query = String::new();
        if let Some((_, state)) = self.state {
            query.push_str(&format!("&state={}", state.slug));
        }
        if let Some((_, metro)) = self.metro {
            query.push_str(&format!("&metro={}", metro.slug));
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::tests::site;

    #[test]
    fn a_metro_area_brings_its_state_and_a_changed_state_drops_it() {
        let site = site();
        let data = site.library.wages();
        let name = |p: &Place<'_>| {
            (
                p.state.map(|(_, a)| a.name.clone()),
                p.metro.map(|(_, a)| a.name.clone()),
            )
        };
        let pueblo = Place::resolve(data, None, Some("pueblo-co"));
        assert_eq!(
            name(&pueblo),
            (Some("Colorado".into()), Some("Pueblo, CO".into()))
        );
        assert_eq!(pueblo.query(), "&state=colorado&metro=pueblo-co");
        let moved = Place::resolve(data, Some("texas"), Some("pueblo-co"));
        assert_eq!(name(&moved), (Some("Texas".into()), None));
        assert!(moved.unknown_metro.is_none());
        let shared = Place::resolve(
            data,
            Some("new-jersey"),
            Some("new-york-newark-jersey-city-ny-nj"),
        );
        assert!(
            shared.metro.is_some(),
            "an area spanning two states belongs to both"
        );
        let unknown = Place::resolve(data, Some("atlantis"), Some("<b>"));
        assert_eq!(unknown.unknown_state.as_deref(), Some("atlantis"));
        assert_eq!(unknown.unknown_metro.as_deref(), Some("<b>"));
        assert_eq!(unknown.query(), "");
    }
}
