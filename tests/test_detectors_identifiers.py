"""Each identifier detector on strings: what it must find, with its category, and the
look-alikes it must leave alone."""

from __future__ import annotations

import pytest

from mslint.detector import DetectionContext, Detector
from mslint.identifiers.ages import AgeDetector
from mslint.identifiers.contact import ContactDetector, PhoneDetector
from mslint.identifiers.dates import DateDetector
from mslint.identifiers.devices import DeviceVehicleDetector
from mslint.identifiers.geography import GeographyDetector
from mslint.identifiers.marks import DistinctiveFeatureDetector
from mslint.identifiers.names import NerDetector, TitleNameDetector
from mslint.identifiers.plugin import all_detectors
from mslint.identifiers.records import RecordNumberDetector
from mslint.resources import Resources

RESOURCES = Resources()


def found(detector: Detector, text: str, **params: object) -> set[tuple[str, str]]:
    ctx = DetectionContext(RESOURCES, params=dict(params))
    return {(s.category, s.text) for s in detector.detect(text, ctx) if s.confidence >= 0.6}


@pytest.mark.parametrize(("text", "category", "value"), [
    ("MRN: 00482913", "mrn", "00482913"),
    ("hospital number H4482913 on the form", "mrn", "H4482913"),
    ("UR number 5566771", "mrn", "5566771"),
    ("case number 2021-004471 was", "mrn", "2021-004471"),
    ("patient ID PT-448291", "mrn", "PT-448291"),
    ("NHS number 943 476 5919", "nhs-number", "943 476 5919"),
    ("H&C No 012 345 6789", "nhs-number", "012 345 6789"),
    ("his NHS card showed 9434765919", "nhs-number", "9434765919"),
    ("SSN 123-45-6789", "ssn", "123-45-6789"),
    ("her national code was 0012345679", "national-id", "0012345679"),
    ("insurance ID XJH-4482910", "health-plan", "XJH-4482910"),
    ("Medicare number 2123 45678", "health-plan", "2123 45678"),
    ("account number 12345678", "account", "12345678"),
    ("driving licence number MORGA753116SM9IJ", "licence", "MORGA753116SM9IJ"),
])
def test_record_number_detector_finds(text: str, category: str, value: str) -> None:
    assert (category, value) in found(RecordNumberDetector(), text)


@pytest.mark.parametrize("text", [
    "Case 3 was similar.",
    "The trial was registered as NCT01234567.",
    "A bare 943 476 5918 fails the check digit.",
    "Platelets 150 000/µL; 1234 cells counted.",
    "Figure 12 and table 4",
])
def test_record_number_detector_ignores(text: str) -> None:
    assert found(RecordNumberDetector(), text) == set()


@pytest.mark.parametrize(("text", "value"), [
    ("Tel: +44 20 7946 0958", "+44 20 7946 0958"),
    ("her mobile 07700 900123", "07700 900123"),
    ("call (212) 555-0147 today", "(212) 555-0147"),
    ("phone 021-88776655", "021-88776655"),
    ("fax 0113 496 0123", "0113 496 0123"),
    ("reachable on +98 912 345 6789", "+98 912 345 6789"),
])
def test_phone_detector_finds(text: str, value: str) -> None:
    assert ("phone", value) in found(PhoneDetector(), text)


@pytest.mark.parametrize("text", [
    "p = 0.0012345 and 95% CI 0.3965 to 1.1179",
    "admitted on 12.03.2021",
    "BP 120/80 mmHg, HR 98",
    "WBC 12 000 000 per litre",
    "SSN 123-45-6789",
    "the risk ratio was 0.6658 (95% CI",
    "record 608257214 was archived",
])
def test_phone_detector_ignores(text: str) -> None:
    assert found(PhoneDetector(), text) == set()


def test_phone_regions_parameter_decides_which_national_numbers_are_valid() -> None:
    text = "her phone 021-88776655"
    assert found(PhoneDetector(), text, phone_regions=["IR"])
    assert not found(PhoneDetector(), text, phone_regions=["US"])


@pytest.mark.parametrize(("text", "category", "value"), [
    ("email john.doe@gmail.com now", "email", "john.doe@gmail.com"),
    ("her blog https://www.janes-journey.blogspot.com/2020 posted", "url",
     "https://www.janes-journey.blogspot.com/2020"),
    ("IP address 192.168.14.201 logged", "ip", "192.168.14.201"),
    ("from 2001:db8::8a2e:370:7334 at night", "ip", "2001:db8::8a2e:370:7334"),
])
def test_contact_detector_finds(text: str, category: str, value: str) -> None:
    assert (category, value) in found(ContactDetector(), text)


@pytest.mark.parametrize("text", [
    "software version 1.2.3.4 was used",
    "guidance at https://www.who.int/publications (accessed 2021)",
    "an address 300.400.500.600 is not an IP",
])
def test_contact_detector_ignores(text: str) -> None:
    assert found(ContactDetector(), text) == set()


@pytest.mark.parametrize(("text", "category", "value"), [
    ("She lives at 42 Baker Street, London.", "address", "42 Baker Street"),
    ("at Flat 3, 27 Oak Road with her son", "address", "Flat 3, 27 Oak Road"),
    ("PO Box 1234", "address", "PO Box 1234"),
    ("London NW1 6XE", "postcode", "NW1 6XE"),
    ("Boston, MA 02114", "postcode", "02114"),
    ("zip code 90210", "postcode", "90210"),
    ("she lived in Tabriz with her family", "place", "Tabriz"),
    ("who lives in the small village of Ashford", "place", "Ashford"),
])
def test_geography_detector_finds(text: str, category: str, value: str) -> None:
    assert (category, value) in found(GeographyDetector(), text)


@pytest.mark.parametrize("text", [
    "T2 N0 M0 staging and a 5 mm lesion",
    "She moved to Canada in 2010.",
    "a 60614 bp deletion",
    "BRCA1 mutation",
])
def test_geography_detector_ignores(text: str) -> None:
    assert found(GeographyDetector(), text) == set()


def test_postcode_patterns_parameter_adds_a_country_format() -> None:
    text = "her postal address ends 14197-33141 in Tehran"
    assert ("postcode", "14197-33141") in found(
        GeographyDetector(), text, postcode_patterns=[r"(?<![\w-])\d{5}-\d{5}(?![\w-])"])


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("on 12/03/2021 she", "12/03/2021", "day"),
    ("on 12.03.2021", "12.03.2021", "day"),
    ("on 12-03-21", "12-03-21", "day"),
    ("on 2021-03-12", "2021-03-12", "day"),
    ("on 12 March 2021", "12 March 2021", "day"),
    ("on March 12th, 2021", "March 12th, 2021", "day"),
    ("on the 3rd of May", "the 3rd of May", "day"),
    ("on 12-Mar-2021", "12-Mar-2021", "day"),
    ("on Sept. 3, 2020", "Sept. 3, 2020", "day"),
    ("in March 2021", "March 2021", "month"),
    ("since 03/2021", "03/2021", "month"),
    ("in 2021-03 she", "2021-03", "month"),
])
def test_date_detector_finds_with_precision(text: str, value: str, precision: str) -> None:
    spans = list(DateDetector().detect(text, DetectionContext(RESOURCES)))
    assert [(s.text, s.attr("precision")) for s in spans] == [(value, precision)]


@pytest.mark.parametrize("text", [
    "in 2019", "on day 3", "version 3.8.18", "doses of 5-10-15 mg", "BP 120/80",
    "the 1990s", "presented in March", "1.2000 [0.5574; 2.5832]", "an L4/5 disc",
    "file 2016-05-alaska.csv",
])
def test_date_detector_ignores(text: str) -> None:
    assert list(DateDetector().detect(text, DetectionContext(RESOURCES))) == []


@pytest.mark.parametrize(("text", "years"), [
    ("A 92-year-old woman", 92), ("92 years old", 92), ("aged 94", 94),
    ("94 years of age", 94), ("a 92 y/o man", 92), ("in her 90s", 90),
    ("in his early nineties", 90), ("a nonagenarian", 90), ("at the age of 93", 93),
    ("a 3-month-old infant", 0.25),
])
def test_age_detector_finds(text: str, years: float) -> None:
    spans = list(AgeDetector().detect(text, DetectionContext(RESOURCES)))
    assert [s.attr("years") for s in spans] == [years]


@pytest.mark.parametrize("text", [
    "patients aged 18-65 were included", "a 30-year follow-up", "90-day mortality",
    "over 90% stenosis", "in the 1990s",
])
def test_age_detector_ignores(text: str) -> None:
    assert list(AgeDetector().detect(text, DetectionContext(RESOURCES))) == []


@pytest.mark.parametrize(("text", "category", "value"), [
    ("pacemaker serial number PJN482913H", "device-id", "PJN482913H"),
    ("A lot number (4F2291A) was recorded", "device-id", "4F2291A"),
    ("registration plate AB12 CDE", "vehicle-id", "AB12 CDE"),
    ("her car (KX19 LMN) crashed", "vehicle-id", "KX19 LMN"),
    ("VIN 1HGCM82633A004352", "vehicle-id", "1HGCM82633A004352"),
])
def test_device_vehicle_detector_finds(text: str, category: str, value: str) -> None:
    assert (category, value) in found(DeviceVehicleDetector(), text)


@pytest.mark.parametrize("text", [
    "Serial CT imaging showed 3 lesions", "a lot of 12 patients", "the AB12 antibody",
])
def test_device_vehicle_detector_ignores(text: str) -> None:
    assert found(DeviceVehicleDetector(), text) == set()


@pytest.mark.parametrize(("text", "value"), [
    ("a tattoo of a rose", "tattoo"), ("a nose ring", "nose ring"),
    ("her earrings", "earrings"), ("a birthmark on the neck", "birthmark"),
    ("nursed in room 412", "room 412"), ("found in bed 7", "bed 7"),
    ("moved to ward 5B", "ward 5B"),
])
def test_distinctive_feature_detector_finds(text: str, value: str) -> None:
    assert ("distinctive-feature", value) in found(DistinctiveFeatureDetector(), text)


@pytest.mark.parametrize("text", [
    "Kayser-Fleischer rings", "a ring-enhancing lesion", "signet ring cells",
    "the emergency room 3 times", "CD4 count 350 cells",
])
def test_distinctive_feature_detector_ignores(text: str) -> None:
    assert found(DistinctiveFeatureDetector(), text) == set()


@pytest.mark.parametrize(("text", "category", "value"), [
    ("Mrs Jane Doe was admitted", "name", "Jane Doe"),
    ("Her husband, Peter, called", "name", "Peter"),
    ("and was called Lucia by her carers", "name", "Lucia"),
    ("Maria Gonzalez, a 45-year-old teacher", "name", "Maria Gonzalez"),
    ("Contact Fatemeh Castillo on arrival", "name", "Fatemeh Castillo"),
    ("Patient J.S. was admitted", "initials", "J.S."),
    ("Mr K. was seen", "initials", "K."),
    ("A man (J.T.) presented", "initials", "J.T."),
])
def test_title_and_initials_detector_finds(text: str, category: str, value: str) -> None:
    assert (category, value) in found(TitleNameDetector(), text)


@pytest.mark.parametrize("text", [
    "Patient A and patient B were twins",
    "the patient HIV status",
    "Dr Hughes performed the biopsy",
    "Stephen Turner syndrome screening",
    "Mr and Mrs were absent",
])
def test_title_and_initials_detector_ignores(text: str) -> None:
    assert found(TitleNameDetector(), text) == set()


@pytest.mark.parametrize(("text", "category", "value"), [
    ("The patient, Olga Petrovna Ivanova, was admitted with her son.", "name",
     "Olga Petrovna Ivanova"),
    ("A man from Aberdeen was referred.", "place", "Aberdeen"),
])
def test_ner_detector_finds(text: str, category: str, value: str) -> None:
    assert (category, value) in found(NerDetector(), text)


@pytest.mark.parametrize("text", [
    "Parkinson's disease, Hodgkin lymphoma and Crohn's disease were considered.",
    "The Glasgow Coma Scale score was 14 and the Babinski sign was absent.",
    "She was treated with Herceptin and Keytruda; BRCA1 was mutated.",
    "Haemoglobin was 10.2 g/dL.",
    "Guillain-Barré syndrome and Wilson disease were excluded.",
])
def test_ner_detector_drops_eponyms_drugs_and_genes(text: str) -> None:
    assert {c for c, _ in found(NerDetector(), text)} <= {"place"}


def test_ner_can_be_switched_off_by_detector_parameter() -> None:
    assert found(NerDetector(), "The patient, Olga Ivanova, was admitted.", use_ner=False) == set()


def test_every_span_has_a_category_it_declares_and_a_confidence() -> None:
    text = ("Mrs Jane Doe (MRN 00482913), aged 94, of 42 Baker Street, NW1 6XE, was admitted on "
            "12 March 2021; tel 07700 900123; pacemaker serial number PJN482913H; a tattoo.")
    ctx = DetectionContext(RESOURCES)
    categories = set()
    for detector in all_detectors():
        for span in detector.detect(text, ctx):
            assert span.category in detector.categories
            assert 0.0 <= span.confidence <= 1.0
            assert text[span.start:span.end] == span.text
            categories.add(span.category)
    assert {"name", "mrn", "age", "address", "postcode", "date", "phone", "device-id",
            "distinctive-feature"} <= categories


@pytest.mark.parametrize(("detector", "valid", "invalid"), [
    (DeviceVehicleDetector(), "IMEI 490154203237518", "IMEI 490154203237519"),
    (RecordNumberDetector(), "account number 4111 1111 1111 1111",
     "account number 4111 1111 1111 1112"),
])
def test_luhn_valid_numbers_are_more_certain_than_look_alikes(
    detector: Detector, valid: str, invalid: str
) -> None:
    ctx = DetectionContext(RESOURCES)
    (good,) = list(detector.detect(valid, ctx))
    (bad,) = list(detector.detect(invalid, ctx))
    assert good.confidence > bad.confidence >= 0.6


def test_identifiers_far_into_a_long_text_are_found_like_in_a_short_one() -> None:
    filler = "The patient was stable and the examination was unremarkable. " * 80
    planted = ("MRN 00482913", "a tattoo", "on 12 March 2021", "at 42 Baker Street",
               "aged 94", "serial number PJN482913H", "NW1 6XE", "tel 07700 900123")
    text = "".join(f"{filler}{p}. " for p in planted)
    ctx = DetectionContext(RESOURCES)
    long_found = {(s.category, s.text) for d in all_detectors()
                  if d.name != "ner" for s in d.detect(text, ctx)}
    short_found = {(s.category, s.text) for d in all_detectors() if d.name != "ner"
                   for p in planted for s in d.detect(p, ctx)}
    assert short_found and short_found <= long_found


@pytest.mark.parametrize("text", [
    "Groups were compared with Pearson's chi-squared test and the Kaplan-Meier method.",
    "We followed the Cochrane Handbook and used a Mann-Whitney U test.",
])
def test_statistical_eponyms_are_not_names(text: str) -> None:
    names = {v for c, v in found(NerDetector(), text) | found(TitleNameDetector(), text)
             if c == "name"}
    assert names == set()
