//! Officials, authors, organizations and cited legal documents. (Placeholder until the
//! officials extractor lands.)

use super::Input;
use crate::facts::{Author, LegalDocument, Official, Organization};

/// What the people extractor finds.
#[derive(Debug, Default)]
pub(crate) struct People {
    pub(crate) officials: Vec<Official>,
    pub(crate) authors: Vec<Author>,
    pub(crate) organizations: Vec<Organization>,
    pub(crate) documents: Vec<LegalDocument>,
}

/// Officials, authors, organizations and cited documents of the input.
pub(crate) fn extract(_input: &Input<'_>) -> People {
    People::default()
}
