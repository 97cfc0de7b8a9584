//! The countries of ISO 3166-1 (the 249 officially assigned codes): for
//! telling a user that a state they asked about is a real country that
//! simply holds no status in the data, rather than an unknown word.
//!
//! Each entry: alpha-3, alpha-2, numeric, and English short names
//! separated by `|` (the first is the one shown; the others are common
//! variants, such as `United States`). Written from ISO 3166-1 as of 2024
//! (with Türkiye and Eswatini under their current names); the numeric
//! codes are the `iso3n` column of the countrycode package's code table
//! (countrycode-codelist), which the explorer's map is keyed by.

/// (alpha-3, alpha-2, numeric, names).
type Entry = (&'static str, &'static str, u16, &'static str);

const COUNTRIES: [Entry; 249] = [
    ("AFG", "AF", 4, "Afghanistan"),
    ("ALA", "AX", 248, "Åland Islands"),
    ("ALB", "AL", 8, "Albania"),
    ("DZA", "DZ", 12, "Algeria"),
    ("ASM", "AS", 16, "American Samoa"),
    ("AND", "AD", 20, "Andorra"),
    ("AGO", "AO", 24, "Angola"),
    ("AIA", "AI", 660, "Anguilla"),
    ("ATA", "AQ", 10, "Antarctica"),
    ("ATG", "AG", 28, "Antigua and Barbuda"),
    ("ARG", "AR", 32, "Argentina"),
    ("ARM", "AM", 51, "Armenia"),
    ("ABW", "AW", 533, "Aruba"),
    ("AUS", "AU", 36, "Australia"),
    ("AUT", "AT", 40, "Austria"),
    ("AZE", "AZ", 31, "Azerbaijan"),
    ("BHS", "BS", 44, "Bahamas"),
    ("BHR", "BH", 48, "Bahrain"),
    ("BGD", "BD", 50, "Bangladesh"),
    ("BRB", "BB", 52, "Barbados"),
    ("BLR", "BY", 112, "Belarus"),
    ("BEL", "BE", 56, "Belgium"),
    ("BLZ", "BZ", 84, "Belize"),
    ("BEN", "BJ", 204, "Benin"),
    ("BMU", "BM", 60, "Bermuda"),
    ("BTN", "BT", 64, "Bhutan"),
    ("BOL", "BO", 68, "Bolivia|Plurinational State of Bolivia"),
    ("BES", "BQ", 535, "Bonaire, Sint Eustatius and Saba"),
    ("BIH", "BA", 70, "Bosnia and Herzegovina"),
    ("BWA", "BW", 72, "Botswana"),
    ("BVT", "BV", 74, "Bouvet Island"),
    ("BRA", "BR", 76, "Brazil"),
    ("IOT", "IO", 86, "British Indian Ocean Territory"),
    ("BRN", "BN", 96, "Brunei Darussalam|Brunei"),
    ("BGR", "BG", 100, "Bulgaria"),
    ("BFA", "BF", 854, "Burkina Faso"),
    ("BDI", "BI", 108, "Burundi"),
    ("CPV", "CV", 132, "Cabo Verde|Cape Verde"),
    ("KHM", "KH", 116, "Cambodia"),
    ("CMR", "CM", 120, "Cameroon"),
    ("CAN", "CA", 124, "Canada"),
    ("CYM", "KY", 136, "Cayman Islands"),
    ("CAF", "CF", 140, "Central African Republic"),
    ("TCD", "TD", 148, "Chad"),
    ("CHL", "CL", 152, "Chile"),
    ("CHN", "CN", 156, "China"),
    ("CXR", "CX", 162, "Christmas Island"),
    ("CCK", "CC", 166, "Cocos (Keeling) Islands"),
    ("COL", "CO", 170, "Colombia"),
    ("COM", "KM", 174, "Comoros"),
    ("COG", "CG", 178, "Congo|Republic of the Congo"),
    (
        "COD",
        "CD",
        180,
        "Congo, Democratic Republic of the|Democratic Republic of the Congo|DR Congo",
    ),
    ("COK", "CK", 184, "Cook Islands"),
    ("CRI", "CR", 188, "Costa Rica"),
    ("CIV", "CI", 384, "Côte d'Ivoire|Ivory Coast"),
    ("HRV", "HR", 191, "Croatia"),
    ("CUB", "CU", 192, "Cuba"),
    ("CUW", "CW", 531, "Curaçao"),
    ("CYP", "CY", 196, "Cyprus"),
    ("CZE", "CZ", 203, "Czechia|Czech Republic"),
    ("DNK", "DK", 208, "Denmark"),
    ("DJI", "DJ", 262, "Djibouti"),
    ("DMA", "DM", 212, "Dominica"),
    ("DOM", "DO", 214, "Dominican Republic"),
    ("ECU", "EC", 218, "Ecuador"),
    ("EGY", "EG", 818, "Egypt"),
    ("SLV", "SV", 222, "El Salvador"),
    ("GNQ", "GQ", 226, "Equatorial Guinea"),
    ("ERI", "ER", 232, "Eritrea"),
    ("EST", "EE", 233, "Estonia"),
    ("SWZ", "SZ", 748, "Eswatini|Swaziland"),
    ("ETH", "ET", 231, "Ethiopia"),
    ("FLK", "FK", 238, "Falkland Islands (Malvinas)"),
    ("FRO", "FO", 234, "Faroe Islands"),
    ("FJI", "FJ", 242, "Fiji"),
    ("FIN", "FI", 246, "Finland"),
    ("FRA", "FR", 250, "France"),
    ("GUF", "GF", 254, "French Guiana"),
    ("PYF", "PF", 258, "French Polynesia"),
    ("ATF", "TF", 260, "French Southern Territories"),
    ("GAB", "GA", 266, "Gabon"),
    ("GMB", "GM", 270, "Gambia"),
    ("GEO", "GE", 268, "Georgia"),
    ("DEU", "DE", 276, "Germany"),
    ("GHA", "GH", 288, "Ghana"),
    ("GIB", "GI", 292, "Gibraltar"),
    ("GRC", "GR", 300, "Greece"),
    ("GRL", "GL", 304, "Greenland"),
    ("GRD", "GD", 308, "Grenada"),
    ("GLP", "GP", 312, "Guadeloupe"),
    ("GUM", "GU", 316, "Guam"),
    ("GTM", "GT", 320, "Guatemala"),
    ("GGY", "GG", 831, "Guernsey"),
    ("GIN", "GN", 324, "Guinea"),
    ("GNB", "GW", 624, "Guinea-Bissau"),
    ("GUY", "GY", 328, "Guyana"),
    ("HTI", "HT", 332, "Haiti"),
    ("HMD", "HM", 334, "Heard Island and McDonald Islands"),
    ("VAT", "VA", 336, "Holy See|Vatican City"),
    ("HND", "HN", 340, "Honduras"),
    ("HKG", "HK", 344, "Hong Kong"),
    ("HUN", "HU", 348, "Hungary"),
    ("ISL", "IS", 352, "Iceland"),
    ("IND", "IN", 356, "India"),
    ("IDN", "ID", 360, "Indonesia"),
    ("IRN", "IR", 364, "Iran|Islamic Republic of Iran"),
    ("IRQ", "IQ", 368, "Iraq"),
    ("IRL", "IE", 372, "Ireland"),
    ("IMN", "IM", 833, "Isle of Man"),
    ("ISR", "IL", 376, "Israel"),
    ("ITA", "IT", 380, "Italy"),
    ("JAM", "JM", 388, "Jamaica"),
    ("JPN", "JP", 392, "Japan"),
    ("JEY", "JE", 832, "Jersey"),
    ("JOR", "JO", 400, "Jordan"),
    ("KAZ", "KZ", 398, "Kazakhstan"),
    ("KEN", "KE", 404, "Kenya"),
    ("KIR", "KI", 296, "Kiribati"),
    ("PRK", "KP", 408, "North Korea|Democratic People's Republic of Korea"),
    ("KOR", "KR", 410, "South Korea|Republic of Korea"),
    ("KWT", "KW", 414, "Kuwait"),
    ("KGZ", "KG", 417, "Kyrgyzstan"),
    ("LAO", "LA", 418, "Laos|Lao People's Democratic Republic"),
    ("LVA", "LV", 428, "Latvia"),
    ("LBN", "LB", 422, "Lebanon"),
    ("LSO", "LS", 426, "Lesotho"),
    ("LBR", "LR", 430, "Liberia"),
    ("LBY", "LY", 434, "Libya"),
    ("LIE", "LI", 438, "Liechtenstein"),
    ("LTU", "LT", 440, "Lithuania"),
    ("LUX", "LU", 442, "Luxembourg"),
    ("MAC", "MO", 446, "Macao"),
    ("MDG", "MG", 450, "Madagascar"),
    ("MWI", "MW", 454, "Malawi"),
    ("MYS", "MY", 458, "Malaysia"),
    ("MDV", "MV", 462, "Maldives"),
    ("MLI", "ML", 466, "Mali"),
    ("MLT", "MT", 470, "Malta"),
    ("MHL", "MH", 584, "Marshall Islands"),
    ("MTQ", "MQ", 474, "Martinique"),
    ("MRT", "MR", 478, "Mauritania"),
    ("MUS", "MU", 480, "Mauritius"),
    ("MYT", "YT", 175, "Mayotte"),
    ("MEX", "MX", 484, "Mexico"),
    ("FSM", "FM", 583, "Micronesia|Federated States of Micronesia"),
    ("MDA", "MD", 498, "Moldova|Republic of Moldova"),
    ("MCO", "MC", 492, "Monaco"),
    ("MNG", "MN", 496, "Mongolia"),
    ("MNE", "ME", 499, "Montenegro"),
    ("MSR", "MS", 500, "Montserrat"),
    ("MAR", "MA", 504, "Morocco"),
    ("MOZ", "MZ", 508, "Mozambique"),
    ("MMR", "MM", 104, "Myanmar|Burma"),
    ("NAM", "NA", 516, "Namibia"),
    ("NRU", "NR", 520, "Nauru"),
    ("NPL", "NP", 524, "Nepal"),
    ("NLD", "NL", 528, "Netherlands"),
    ("NCL", "NC", 540, "New Caledonia"),
    ("NZL", "NZ", 554, "New Zealand"),
    ("NIC", "NI", 558, "Nicaragua"),
    ("NER", "NE", 562, "Niger"),
    ("NGA", "NG", 566, "Nigeria"),
    ("NIU", "NU", 570, "Niue"),
    ("NFK", "NF", 574, "Norfolk Island"),
    ("MKD", "MK", 807, "North Macedonia|Macedonia"),
    ("MNP", "MP", 580, "Northern Mariana Islands"),
    ("NOR", "NO", 578, "Norway"),
    ("OMN", "OM", 512, "Oman"),
    ("PAK", "PK", 586, "Pakistan"),
    ("PLW", "PW", 585, "Palau"),
    ("PSE", "PS", 275, "Palestine, State of|Palestine"),
    ("PAN", "PA", 591, "Panama"),
    ("PNG", "PG", 598, "Papua New Guinea"),
    ("PRY", "PY", 600, "Paraguay"),
    ("PER", "PE", 604, "Peru"),
    ("PHL", "PH", 608, "Philippines"),
    ("PCN", "PN", 612, "Pitcairn"),
    ("POL", "PL", 616, "Poland"),
    ("PRT", "PT", 620, "Portugal"),
    ("PRI", "PR", 630, "Puerto Rico"),
    ("QAT", "QA", 634, "Qatar"),
    ("REU", "RE", 638, "Réunion"),
    ("ROU", "RO", 642, "Romania"),
    ("RUS", "RU", 643, "Russia|Russian Federation"),
    ("RWA", "RW", 646, "Rwanda"),
    ("BLM", "BL", 652, "Saint Barthélemy"),
    ("SHN", "SH", 654, "Saint Helena, Ascension and Tristan da Cunha"),
    ("KNA", "KN", 659, "Saint Kitts and Nevis"),
    ("LCA", "LC", 662, "Saint Lucia"),
    ("MAF", "MF", 663, "Saint Martin (French part)"),
    ("SPM", "PM", 666, "Saint Pierre and Miquelon"),
    ("VCT", "VC", 670, "Saint Vincent and the Grenadines"),
    ("WSM", "WS", 882, "Samoa"),
    ("SMR", "SM", 674, "San Marino"),
    ("STP", "ST", 678, "Sao Tome and Principe"),
    ("SAU", "SA", 682, "Saudi Arabia"),
    ("SEN", "SN", 686, "Senegal"),
    ("SRB", "RS", 688, "Serbia"),
    ("SYC", "SC", 690, "Seychelles"),
    ("SLE", "SL", 694, "Sierra Leone"),
    ("SGP", "SG", 702, "Singapore"),
    ("SXM", "SX", 534, "Sint Maarten (Dutch part)"),
    ("SVK", "SK", 703, "Slovakia"),
    ("SVN", "SI", 705, "Slovenia"),
    ("SLB", "SB", 90, "Solomon Islands"),
    ("SOM", "SO", 706, "Somalia"),
    ("ZAF", "ZA", 710, "South Africa"),
    ("SGS", "GS", 239, "South Georgia and the South Sandwich Islands"),
    ("SSD", "SS", 728, "South Sudan"),
    ("ESP", "ES", 724, "Spain"),
    ("LKA", "LK", 144, "Sri Lanka"),
    ("SDN", "SD", 729, "Sudan"),
    ("SUR", "SR", 740, "Suriname"),
    ("SJM", "SJ", 744, "Svalbard and Jan Mayen"),
    ("SWE", "SE", 752, "Sweden"),
    ("CHE", "CH", 756, "Switzerland"),
    ("SYR", "SY", 760, "Syria|Syrian Arab Republic"),
    ("TWN", "TW", 158, "Taiwan"),
    ("TJK", "TJ", 762, "Tajikistan"),
    ("TZA", "TZ", 834, "Tanzania|United Republic of Tanzania"),
    ("THA", "TH", 764, "Thailand"),
    ("TLS", "TL", 626, "Timor-Leste|East Timor"),
    ("TGO", "TG", 768, "Togo"),
    ("TKL", "TK", 772, "Tokelau"),
    ("TON", "TO", 776, "Tonga"),
    ("TTO", "TT", 780, "Trinidad and Tobago"),
    ("TUN", "TN", 788, "Tunisia"),
    ("TUR", "TR", 792, "Türkiye|Turkey"),
    ("TKM", "TM", 795, "Turkmenistan"),
    ("TCA", "TC", 796, "Turks and Caicos Islands"),
    ("TUV", "TV", 798, "Tuvalu"),
    ("UGA", "UG", 800, "Uganda"),
    ("UKR", "UA", 804, "Ukraine"),
    ("ARE", "AE", 784, "United Arab Emirates"),
    ("GBR", "GB", 826, "United Kingdom|Great Britain"),
    ("USA", "US", 840, "United States of America|United States"),
    ("UMI", "UM", 581, "United States Minor Outlying Islands"),
    ("URY", "UY", 858, "Uruguay"),
    ("UZB", "UZ", 860, "Uzbekistan"),
    ("VUT", "VU", 548, "Vanuatu"),
    ("VEN", "VE", 862, "Venezuela"),
    ("VNM", "VN", 704, "Viet Nam|Vietnam"),
    ("VGB", "VG", 92, "Virgin Islands (British)"),
    ("VIR", "VI", 850, "Virgin Islands (U.S.)"),
    ("WLF", "WF", 876, "Wallis and Futuna"),
    ("ESH", "EH", 732, "Western Sahara"),
    ("YEM", "YE", 887, "Yemen"),
    ("ZMB", "ZM", 894, "Zambia"),
    ("ZWE", "ZW", 716, "Zimbabwe"),
];

/// A country of ISO 3166-1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// Its alpha-3 code (`DEU`).
    pub alpha3: &'static str,
    /// Its alpha-2 code (`DE`).
    pub alpha2: &'static str,
    /// Its numeric code (`276`).
    pub numeric: u16,
    /// Its English short name (`Germany`).
    pub name: &'static str,
}

impl Country {
    fn of(&(alpha3, alpha2, numeric, names): &Entry) -> Country {
        Country {
            alpha3,
            alpha2,
            numeric,
            name: names.split('|').next().unwrap_or(names),
        }
    }
}

/// The country of ISO 3166-1 whose numeric code is `code` (`276`:
/// Germany).
///
/// # Example
///
/// ```
/// assert_eq!(igo_graph::countries::by_numeric(702).unwrap().alpha3, "SGP");
/// assert!(igo_graph::countries::by_numeric(999).is_none());
/// ```
pub fn by_numeric(code: u16) -> Option<Country> {
    COUNTRIES.iter().find(|c| c.2 == code).map(Country::of)
}

/// The country of ISO 3166-1 whose alpha-3 or alpha-2 code or one of whose
/// English names is `query`, in any case: what tells a state that holds
/// no status in a data set from a word that names no country.
///
/// # Example
///
/// ```
/// let de = igo_graph::countries::find("germany").unwrap();
/// assert_eq!((de.alpha3, de.alpha2), ("DEU", "DE"));
/// assert!(igo_graph::countries::find("Atlantis").is_none());
/// ```
pub fn find(query: &str) -> Option<Country> {
    let q = query.trim();
    COUNTRIES
        .iter()
        .find(|(a3, a2, _, names)| {
            a3.eq_ignore_ascii_case(q)
                || a2.eq_ignore_ascii_case(q)
                || names
                    .split('|')
                    .any(|n| n.to_lowercase() == q.to_lowercase())
        })
        .map(Country::of)
}

#[cfg(test)]
mod tests {
    use super::{COUNTRIES, find};

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut a3: Vec<&str> = COUNTRIES.iter().map(|c| c.0).collect();
        let mut a2: Vec<&str> = COUNTRIES.iter().map(|c| c.1).collect();
        a3.sort_unstable();
        a2.sort_unstable();
        a3.dedup();
        a2.dedup();
        assert_eq!((a3.len(), a2.len()), (249, 249));
        assert!(
            COUNTRIES.iter().all(|(x, y, _, _)| x.len() == 3 && y.len() == 2)
        );
        let mut n: Vec<u16> = COUNTRIES.iter().map(|c| c.2).collect();
        n.sort_unstable();
        n.dedup();
        assert_eq!(n.len(), 249);
    }

    #[test]
    fn finds_by_code_and_name() {
        assert_eq!(find("usa").unwrap().name, "United States of America");
        assert_eq!(find("United States").unwrap().alpha3, "USA");
        assert_eq!(find("DE").unwrap().name, "Germany");
        assert_eq!(find("brazil").unwrap().alpha2, "BR");
        assert_eq!(find("Côte d'Ivoire").unwrap().alpha3, "CIV");
        assert_eq!(find("Atlantis"), None);
    }
}
