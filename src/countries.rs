//! The countries of ISO 3166-1 (the 249 officially assigned codes): for
//! telling a user that a state they asked about is a real country that
//! simply holds no status in the data, rather than an unknown word.
//!
//! Each entry: alpha-3, alpha-2, and English short names separated by
//! `|` (the first is the one shown; the others are common variants, such
//! as `United States`). Written from ISO 3166-1 as of 2024 (with Türkiye
//! and Eswatini under their current names).

/// (alpha-3, alpha-2, names).
const COUNTRIES: [(&str, &str, &str); 249] = [
    ("AFG", "AF", "Afghanistan"),
    ("ALA", "AX", "Åland Islands"),
    ("ALB", "AL", "Albania"),
    ("DZA", "DZ", "Algeria"),
    ("ASM", "AS", "American Samoa"),
    ("AND", "AD", "Andorra"),
    ("AGO", "AO", "Angola"),
    ("AIA", "AI", "Anguilla"),
    ("ATA", "AQ", "Antarctica"),
    ("ATG", "AG", "Antigua and Barbuda"),
    ("ARG", "AR", "Argentina"),
    ("ARM", "AM", "Armenia"),
    ("ABW", "AW", "Aruba"),
    ("AUS", "AU", "Australia"),
    ("AUT", "AT", "Austria"),
    ("AZE", "AZ", "Azerbaijan"),
    ("BHS", "BS", "Bahamas"),
    ("BHR", "BH", "Bahrain"),
    ("BGD", "BD", "Bangladesh"),
    ("BRB", "BB", "Barbados"),
    ("BLR", "BY", "Belarus"),
    ("BEL", "BE", "Belgium"),
    ("BLZ", "BZ", "Belize"),
    ("BEN", "BJ", "Benin"),
    ("BMU", "BM", "Bermuda"),
    ("BTN", "BT", "Bhutan"),
    ("BOL", "BO", "Bolivia|Plurinational State of Bolivia"),
    ("BES", "BQ", "Bonaire, Sint Eustatius and Saba"),
    ("BIH", "BA", "Bosnia and Herzegovina"),
    ("BWA", "BW", "Botswana"),
    ("BVT", "BV", "Bouvet Island"),
    ("BRA", "BR", "Brazil"),
    ("IOT", "IO", "British Indian Ocean Territory"),
    ("BRN", "BN", "Brunei Darussalam|Brunei"),
    ("BGR", "BG", "Bulgaria"),
    ("BFA", "BF", "Burkina Faso"),
    ("BDI", "BI", "Burundi"),
    ("CPV", "CV", "Cabo Verde|Cape Verde"),
    ("KHM", "KH", "Cambodia"),
    ("CMR", "CM", "Cameroon"),
    ("CAN", "CA", "Canada"),
    ("CYM", "KY", "Cayman Islands"),
    ("CAF", "CF", "Central African Republic"),
    ("TCD", "TD", "Chad"),
    ("CHL", "CL", "Chile"),
    ("CHN", "CN", "China"),
    ("CXR", "CX", "Christmas Island"),
    ("CCK", "CC", "Cocos (Keeling) Islands"),
    ("COL", "CO", "Colombia"),
    ("COM", "KM", "Comoros"),
    ("COG", "CG", "Congo|Republic of the Congo"),
    (
        "COD",
        "CD",
        "Congo, Democratic Republic of the|Democratic Republic of the Congo|DR Congo",
    ),
    ("COK", "CK", "Cook Islands"),
    ("CRI", "CR", "Costa Rica"),
    ("CIV", "CI", "Côte d'Ivoire|Ivory Coast"),
    ("HRV", "HR", "Croatia"),
    ("CUB", "CU", "Cuba"),
    ("CUW", "CW", "Curaçao"),
    ("CYP", "CY", "Cyprus"),
    ("CZE", "CZ", "Czechia|Czech Republic"),
    ("DNK", "DK", "Denmark"),
    ("DJI", "DJ", "Djibouti"),
    ("DMA", "DM", "Dominica"),
    ("DOM", "DO", "Dominican Republic"),
    ("ECU", "EC", "Ecuador"),
    ("EGY", "EG", "Egypt"),
    ("SLV", "SV", "El Salvador"),
    ("GNQ", "GQ", "Equatorial Guinea"),
    ("ERI", "ER", "Eritrea"),
    ("EST", "EE", "Estonia"),
    ("SWZ", "SZ", "Eswatini|Swaziland"),
    ("ETH", "ET", "Ethiopia"),
    ("FLK", "FK", "Falkland Islands (Malvinas)"),
    ("FRO", "FO", "Faroe Islands"),
    ("FJI", "FJ", "Fiji"),
    ("FIN", "FI", "Finland"),
    ("FRA", "FR", "France"),
    ("GUF", "GF", "French Guiana"),
    ("PYF", "PF", "French Polynesia"),
    ("ATF", "TF", "French Southern Territories"),
    ("GAB", "GA", "Gabon"),
    ("GMB", "GM", "Gambia"),
    ("GEO", "GE", "Georgia"),
    ("DEU", "DE", "Germany"),
    ("GHA", "GH", "Ghana"),
    ("GIB", "GI", "Gibraltar"),
    ("GRC", "GR", "Greece"),
    ("GRL", "GL", "Greenland"),
    ("GRD", "GD", "Grenada"),
    ("GLP", "GP", "Guadeloupe"),
    ("GUM", "GU", "Guam"),
    ("GTM", "GT", "Guatemala"),
    ("GGY", "GG", "Guernsey"),
    ("GIN", "GN", "Guinea"),
    ("GNB", "GW", "Guinea-Bissau"),
    ("GUY", "GY", "Guyana"),
    ("HTI", "HT", "Haiti"),
    ("HMD", "HM", "Heard Island and McDonald Islands"),
    ("VAT", "VA", "Holy See|Vatican City"),
    ("HND", "HN", "Honduras"),
    ("HKG", "HK", "Hong Kong"),
    ("HUN", "HU", "Hungary"),
    ("ISL", "IS", "Iceland"),
    ("IND", "IN", "India"),
    ("IDN", "ID", "Indonesia"),
    ("IRN", "IR", "Iran|Islamic Republic of Iran"),
    ("IRQ", "IQ", "Iraq"),
    ("IRL", "IE", "Ireland"),
    ("IMN", "IM", "Isle of Man"),
    ("ISR", "IL", "Israel"),
    ("ITA", "IT", "Italy"),
    ("JAM", "JM", "Jamaica"),
    ("JPN", "JP", "Japan"),
    ("JEY", "JE", "Jersey"),
    ("JOR", "JO", "Jordan"),
    ("KAZ", "KZ", "Kazakhstan"),
    ("KEN", "KE", "Kenya"),
    ("KIR", "KI", "Kiribati"),
    ("PRK", "KP", "North Korea|Democratic People's Republic of Korea"),
    ("KOR", "KR", "South Korea|Republic of Korea"),
    ("KWT", "KW", "Kuwait"),
    ("KGZ", "KG", "Kyrgyzstan"),
    ("LAO", "LA", "Laos|Lao People's Democratic Republic"),
    ("LVA", "LV", "Latvia"),
    ("LBN", "LB", "Lebanon"),
    ("LSO", "LS", "Lesotho"),
    ("LBR", "LR", "Liberia"),
    ("LBY", "LY", "Libya"),
    ("LIE", "LI", "Liechtenstein"),
    ("LTU", "LT", "Lithuania"),
    ("LUX", "LU", "Luxembourg"),
    ("MAC", "MO", "Macao"),
    ("MDG", "MG", "Madagascar"),
    ("MWI", "MW", "Malawi"),
    ("MYS", "MY", "Malaysia"),
    ("MDV", "MV", "Maldives"),
    ("MLI", "ML", "Mali"),
    ("MLT", "MT", "Malta"),
    ("MHL", "MH", "Marshall Islands"),
    ("MTQ", "MQ", "Martinique"),
    ("MRT", "MR", "Mauritania"),
    ("MUS", "MU", "Mauritius"),
    ("MYT", "YT", "Mayotte"),
    ("MEX", "MX", "Mexico"),
    ("FSM", "FM", "Micronesia|Federated States of Micronesia"),
    ("MDA", "MD", "Moldova|Republic of Moldova"),
    ("MCO", "MC", "Monaco"),
    ("MNG", "MN", "Mongolia"),
    ("MNE", "ME", "Montenegro"),
    ("MSR", "MS", "Montserrat"),
    ("MAR", "MA", "Morocco"),
    ("MOZ", "MZ", "Mozambique"),
    ("MMR", "MM", "Myanmar|Burma"),
    ("NAM", "NA", "Namibia"),
    ("NRU", "NR", "Nauru"),
    ("NPL", "NP", "Nepal"),
    ("NLD", "NL", "Netherlands"),
    ("NCL", "NC", "New Caledonia"),
    ("NZL", "NZ", "New Zealand"),
    ("NIC", "NI", "Nicaragua"),
    ("NER", "NE", "Niger"),
    ("NGA", "NG", "Nigeria"),
    ("NIU", "NU", "Niue"),
    ("NFK", "NF", "Norfolk Island"),
    ("MKD", "MK", "North Macedonia|Macedonia"),
    ("MNP", "MP", "Northern Mariana Islands"),
    ("NOR", "NO", "Norway"),
    ("OMN", "OM", "Oman"),
    ("PAK", "PK", "Pakistan"),
    ("PLW", "PW", "Palau"),
    ("PSE", "PS", "Palestine, State of|Palestine"),
    ("PAN", "PA", "Panama"),
    ("PNG", "PG", "Papua New Guinea"),
    ("PRY", "PY", "Paraguay"),
    ("PER", "PE", "Peru"),
    ("PHL", "PH", "Philippines"),
    ("PCN", "PN", "Pitcairn"),
    ("POL", "PL", "Poland"),
    ("PRT", "PT", "Portugal"),
    ("PRI", "PR", "Puerto Rico"),
    ("QAT", "QA", "Qatar"),
    ("REU", "RE", "Réunion"),
    ("ROU", "RO", "Romania"),
    ("RUS", "RU", "Russia|Russian Federation"),
    ("RWA", "RW", "Rwanda"),
    ("BLM", "BL", "Saint Barthélemy"),
    ("SHN", "SH", "Saint Helena, Ascension and Tristan da Cunha"),
    ("KNA", "KN", "Saint Kitts and Nevis"),
    ("LCA", "LC", "Saint Lucia"),
    ("MAF", "MF", "Saint Martin (French part)"),
    ("SPM", "PM", "Saint Pierre and Miquelon"),
    ("VCT", "VC", "Saint Vincent and the Grenadines"),
    ("WSM", "WS", "Samoa"),
    ("SMR", "SM", "San Marino"),
    ("STP", "ST", "Sao Tome and Principe"),
    ("SAU", "SA", "Saudi Arabia"),
    ("SEN", "SN", "Senegal"),
    ("SRB", "RS", "Serbia"),
    ("SYC", "SC", "Seychelles"),
    ("SLE", "SL", "Sierra Leone"),
    ("SGP", "SG", "Singapore"),
    ("SXM", "SX", "Sint Maarten (Dutch part)"),
    ("SVK", "SK", "Slovakia"),
    ("SVN", "SI", "Slovenia"),
    ("SLB", "SB", "Solomon Islands"),
    ("SOM", "SO", "Somalia"),
    ("ZAF", "ZA", "South Africa"),
    ("SGS", "GS", "South Georgia and the South Sandwich Islands"),
    ("SSD", "SS", "South Sudan"),
    ("ESP", "ES", "Spain"),
    ("LKA", "LK", "Sri Lanka"),
    ("SDN", "SD", "Sudan"),
    ("SUR", "SR", "Suriname"),
    ("SJM", "SJ", "Svalbard and Jan Mayen"),
    ("SWE", "SE", "Sweden"),
    ("CHE", "CH", "Switzerland"),
    ("SYR", "SY", "Syria|Syrian Arab Republic"),
    ("TWN", "TW", "Taiwan"),
    ("TJK", "TJ", "Tajikistan"),
    ("TZA", "TZ", "Tanzania|United Republic of Tanzania"),
    ("THA", "TH", "Thailand"),
    ("TLS", "TL", "Timor-Leste|East Timor"),
    ("TGO", "TG", "Togo"),
    ("TKL", "TK", "Tokelau"),
    ("TON", "TO", "Tonga"),
    ("TTO", "TT", "Trinidad and Tobago"),
    ("TUN", "TN", "Tunisia"),
    ("TUR", "TR", "Türkiye|Turkey"),
    ("TKM", "TM", "Turkmenistan"),
    ("TCA", "TC", "Turks and Caicos Islands"),
    ("TUV", "TV", "Tuvalu"),
    ("UGA", "UG", "Uganda"),
    ("UKR", "UA", "Ukraine"),
    ("ARE", "AE", "United Arab Emirates"),
    ("GBR", "GB", "United Kingdom|Great Britain"),
    ("USA", "US", "United States of America|United States"),
    ("UMI", "UM", "United States Minor Outlying Islands"),
    ("URY", "UY", "Uruguay"),
    ("UZB", "UZ", "Uzbekistan"),
    ("VUT", "VU", "Vanuatu"),
    ("VEN", "VE", "Venezuela"),
    ("VNM", "VN", "Viet Nam|Vietnam"),
    ("VGB", "VG", "Virgin Islands (British)"),
    ("VIR", "VI", "Virgin Islands (U.S.)"),
    ("WLF", "WF", "Wallis and Futuna"),
    ("ESH", "EH", "Western Sahara"),
    ("YEM", "YE", "Yemen"),
    ("ZMB", "ZM", "Zambia"),
    ("ZWE", "ZW", "Zimbabwe"),
];

/// A country of ISO 3166-1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// Its alpha-3 code (`DEU`).
    pub alpha3: &'static str,
    /// Its alpha-2 code (`DE`).
    pub alpha2: &'static str,
    /// Its English short name (`Germany`).
    pub name: &'static str,
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
        .find(|(a3, a2, names)| {
            a3.eq_ignore_ascii_case(q)
                || a2.eq_ignore_ascii_case(q)
                || names
                    .split('|')
                    .any(|n| n.to_lowercase() == q.to_lowercase())
        })
        .map(|&(alpha3, alpha2, names)| Country {
            alpha3,
            alpha2,
            name: names.split('|').next().unwrap_or(names),
        })
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
            COUNTRIES.iter().all(|(x, y, _)| x.len() == 3 && y.len() == 2)
        );
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
