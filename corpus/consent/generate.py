"""Generate the consent development set: short manuscripts in Markdown, LaTeX, DOCX and PDF,
each carrying one consent-statement variant (or none) and up to two figure legends, plus
``truth.json`` with the findings of MS101-MS105 and MS110 an editor would expect.

Run from anywhere: ``python corpus/consent/generate.py``. The labels are written by hand in
the tables below (``VARIANTS``, ``LEGENDS``); this script only lays them out in four formats.
Images are drawn with Pillow: skin-toned photographs (JPEG), greyscale scans and flat-colour
charts (PNG), so that legends that name no modality are decided from the pixels.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMATS = ("md", "tex", "docx", "pdf")
RULES = ["MS101", "MS102", "MS103", "MS104", "MS105", "MS110"]
#: Fixed timestamps so that regenerating gives the same files.
FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Skeleton:
    title: str
    case_heading: str | None
    case: tuple[str, ...]
    discussion: str


SKELETONS: dict[str, Skeleton] = {
    "adult": Skeleton(
        "Erythema nodosum as the first sign of sarcoidosis",
        "Case presentation",
        ("A 45-year-old woman presented to the emergency department with a two-week history of "
         "fever and painful lumps on both shins. On examination, she had tender erythematous "
         "nodules on the anterior aspect of both legs.",
         "Blood tests showed raised inflammatory markers and chest imaging showed bilateral "
         "hilar lymphadenopathy. She was treated with oral corticosteroids and recovered fully."),
        "Erythema nodosum is the most common nonspecific cutaneous manifestation of sarcoidosis "
        "and usually resolves within weeks.",
    ),
    "adult2": Skeleton(
        "A giant cell tumour of the tendon sheath of the hand",
        "Case report",
        ("A 62-year-old man was referred with progressive painless swelling of the left index "
         "finger over two years. He had a history of type 2 diabetes.",
         "Magnetic resonance imaging showed a lobulated soft-tissue mass, which was excised. "
         "Our patient had no recurrence at one year."),
        "Giant cell tumours of the tendon sheath are the second most common tumours of the hand.",
    ),
    "adult3": Skeleton(
        "Recurrent headache caused by a colloid cyst",
        None,
        ("We report the case of a 38-year-old teacher with recurrent positional headaches. "
         "She presented after a brief loss of vision while bending forward.",
         "Computed tomography showed a colloid cyst of the third ventricle, which was removed "
         "endoscopically. She returned to work six weeks later."),
        "Colloid cysts can cause sudden death and should be treated promptly.",
    ),
    "child": Skeleton(
        "Septic arthritis of the hip in a child",
        "Case presentation",
        ("A 7-year-old boy was brought to the clinic by his mother with a three-day history of "
         "limp and fever. On examination, the right hip was held flexed and externally rotated.",
         "Aspiration of the joint yielded pus and he underwent arthrotomy and washout. He "
         "recovered full movement."),
        "Kocher criteria help to distinguish septic arthritis from transient synovitis.",
    ),
    "infant": Skeleton(
        "Pyloric stenosis presenting late",
        "Case presentation",
        ("A 3-month-old infant was admitted with projectile vomiting and weight loss. On "
         "examination, an olive-shaped mass was palpable in the epigastrium.",
         "Ultrasound confirmed hypertrophic pyloric stenosis and a pyloromyotomy was performed."),
        "Late presentation of pyloric stenosis is uncommon in high-income settings.",
    ),
    "teen": Skeleton(
        "Anorexia nervosa with refeeding syndrome",
        "Case presentation",
        ("A 15-year-old girl was admitted with a body mass index of 13 and bradycardia. She "
         "had restricted her food intake for a year.",
         "During refeeding she developed hypophosphataemia, which was corrected."),
        "Refeeding syndrome is preventable with cautious nutritional support.",
    ),
    "neonate": Skeleton(
        "Congenital syphilis in a preterm neonate",
        "Case presentation",
        ("The neonate was born at 34 weeks of gestation with hepatosplenomegaly and a "
         "desquamating rash of the palms and soles.",
         "Maternal serology was positive and the baby was treated with benzylpenicillin."),
        "Congenital syphilis is re-emerging and antenatal screening remains essential.",
    ),
    "deceased": Skeleton(
        "Fatal aortic dissection presenting as abdominal pain",
        "Case presentation",
        ("A 71-year-old man was admitted with sudden abdominal pain radiating to the back. "
         "Despite resuscitation, he died on the second day of admission.",
         "Autopsy revealed a type A aortic dissection extending to the iliac arteries."),
        "Aortic dissection can mimic abdominal emergencies and is often missed.",
    ),
    "deceased2": Skeleton(
        "Post-mortem diagnosis of amyloid cardiomyopathy",
        "Case report",
        ("A 83-year-old woman was admitted with breathlessness and ankle swelling. The patient "
         "died of refractory heart failure.",
         "Post-mortem examination showed extensive amyloid deposition in the myocardium."),
        "Transthyretin amyloidosis is underdiagnosed in older people with heart failure.",
    ),
    "dementia": Skeleton(
        "Scurvy in a care-home resident",
        "Case presentation",
        ("A 79-year-old woman with advanced dementia was admitted from a care home with "
         "bleeding gums and bruising of the legs.",
         "Plasma ascorbate was undetectable and she improved with vitamin C replacement."),
        "Scurvy still occurs in people with restricted diets.",
    ),
    "icu": Skeleton(
        "Paraquat poisoning with delayed lung injury",
        "Case presentation",
        ("A 54-year-old man was found unconscious at home next to an empty bottle of weed "
         "killer. He was intubated and sedated on arrival.",
         "He developed progressive pulmonary fibrosis over two weeks."),
        "Paraquat remains a cause of fatal poisoning worldwide.",
    ),
    "review": Skeleton(
        "HELLP syndrome: a systematic review of maternal outcomes",
        None,
        ("We searched MEDLINE and Embase for cohort studies of HELLP syndrome published "
         "between 2000 and 2023. Twenty-four studies including 3,412 women were eligible.",
         "Smith et al. reported a 32-year-old woman who presented with epigastric pain and "
         "liver rupture [4]. Informed consent is an essential part of obstetric research."),
        "Maternal mortality in HELLP syndrome has fallen but remains substantial.",
    ),
    "methods": Skeleton(
        "A Bayesian method for estimating diagnostic accuracy without a gold standard",
        None,
        ("We describe a latent class model that estimates sensitivity and specificity of two "
         "tests when no reference standard is available.",
         "The method was evaluated on simulated data sets of 200 to 5,000 observations."),
        "The model recovers the true accuracy when the conditional independence assumption "
        "holds.",
    ),
    "cohort": Skeleton(
        "Outcomes of hip fracture surgery in a regional hospital: a retrospective cohort",
        None,
        ("We retrospectively reviewed the records of 312 patients who underwent hip fracture "
         "surgery between 2015 and 2020.",
         "The primary outcome was 30-day mortality; secondary outcomes were length of stay and "
         "discharge destination."),
        "Early surgery was associated with lower mortality.",
    ),
    "template": Skeleton(
        "Article title",
        None,
        ("The abstract serves both as a general introduction to the topic and as a brief, "
         "non-technical summary of the main results and their implications.",
         "Some journals require declarations to be submitted in a standardised format. Please "
         "check the Instructions for Authors of the journal to which you are submitting."),
        "Write your discussion here.",
    ),
}

#: Skeletons about a patient (consent for publication needed).
PATIENT_SKELETONS = frozenset(SKELETONS) - {"review", "methods", "cohort", "template"}


@dataclass(frozen=True)
class Legend:
    text: str
    image: str  # photo | grey | chart
    expect: tuple[str, ...] = ()  # rules expected on this legend
    consent: bool = False  # the legend itself states consent


LEGENDS: tuple[Legend, ...] = (
    Legend("Clinical photograph of the face showing a port-wine stain on the left cheek.",
           "photo", ("MS110",)),
    Legend("Photograph of the right hand showing swelling of the index finger.", "photo",
           ("MS110",)),
    Legend("Erythematous rash on the trunk at presentation.", "photo", ("MS110",)),
    Legend("Appearance of the skin lesion on the back before excision.", "photo", ("MS110",)),
    Legend("Facial appearance at the three-month follow-up.", "photo", ("MS110",)),
    Legend("Clinical image of the ulcer on the left foot.", "photo", ("MS110",)),
    Legend("Tattoo on the right forearm adjacent to the lesion.", "photo", ("MS110",)),
    Legend("The lesion six weeks after treatment.", "photo", ("MS110",)),
    Legend("Eyelid swelling and conjunctival injection.", "photo", ("MS110",)),
    Legend("Clinical photograph showing the scar on the chest wall.", "photo", ("MS110",)),
    Legend("Lateral view of the face showing the mandibular mass.", "photo", ("MS110",)),
    Legend("Nail changes of the fingers.", "photo", ("MS110",)),
    Legend("Gross swelling of the left knee.", "photo", ("MS110",)),
    Legend("Photograph of the patient's back showing multiple brown macules.", "photo",
           ("MS110",)),
    Legend("Close-up of the ear showing the keloid.", "photo", ("MS110",)),
    Legend("Clinical photograph of both feet.", "photo", ("MS110",)),
    Legend("Hand and wrist deformity before surgery.", "photo", ("MS110",)),
    Legend("Clinical photograph of the neck mass. Published with the patient's consent.",
           "photo", consent=True),
    Legend("Photograph of the lower limbs. Consent for publication of this image was obtained "
           "from the patient.", "photo", consent=True),
    Legend("Facial photograph at presentation; written consent for publication was obtained "
           "from the patient.", "photo", consent=True),
    Legend("Skin lesions on the abdomen (the patient consented to publication of this image).",
           "photo", consent=True),
    Legend("Photograph of the rash; consent for publication obtained from the patient.", "photo",
           consent=True),
    Legend("Clinical appearance of the tongue. Image published with the written consent of the "
           "patient.", "photo", consent=True),
    Legend("Axial contrast-enhanced CT of the abdomen showing a 4 cm mass (arrow).", "grey"),
    Legend("Chest radiograph showing bilateral infiltrates.", "grey"),
    Legend("T2-weighted MRI of the brain showing a hyperintense lesion.", "grey"),
    Legend("Ultrasound of the right kidney showing hydronephrosis.", "grey"),
    Legend("Coronal MRI of the hand showing a ganglion.", "grey"),
    Legend("Plain X-ray of the left foot showing a fracture of the fifth metatarsal.", "grey"),
    Legend("PET-CT demonstrating increased uptake in the mediastinum.", "grey"),
    Legend("Findings at presentation (arrow).", "grey"),
    Legend("Echocardiogram showing a large pericardial effusion.", "grey"),
    Legend("CT angiography of the neck.", "grey"),
    Legend("Histology of the skin biopsy showing granulomas (H&E, x200).", "photo"),
    Legend("Photomicrograph showing atypical cells (haematoxylin and eosin, original "
           "magnification x400).", "photo"),
    Legend("Immunohistochemistry positive for CD20.", "photo"),
    Legend("Gram stain of the pleural fluid.", "photo"),
    Legend("Endoscopic view of the gastric ulcer.", "photo"),
    Legend("Intraoperative view of the perforated appendix.", "photo"),
    Legend("Colonoscopy showing a pedunculated polyp.", "photo"),
    Legend("Timeline of symptoms, investigations and treatment.", "chart"),
    Legend("PRISMA flow diagram of study selection.", "chart"),
    Legend("Kaplan-Meier survival curves by treatment group.", "chart"),
    Legend("Schematic of the proposed mechanism.", "chart"),
    Legend("Summary of laboratory values over time.", "chart"),
    Legend("Clinical photograph of the face. Consent for publication could not be obtained.",
           "photo", ("MS102",), consent=True),
)


@dataclass(frozen=True)
class Variant:
    name: str
    skeleton: str
    statement: str  # "" for none; lines become paragraphs
    placement: str  # section | inline | case | ack | title | ethics | participate | footnote
    #                 | empty-section (a consent heading with nothing under it)
    expect: tuple[str, ...] = ()  # rules expected on the statement (MS101 on the file)
    text: str | None = None  # the expected text when it is not the first line
    legends: tuple[int, ...] = ()  # indexes into LEGENDS


V = Variant
VARIANTS: tuple[Variant, ...] = (
    # valid statements: no finding
    V("valid-01", "adult", "Written informed consent for publication of this case report and "
      "the accompanying images was obtained from the patient.", "section", legends=(17,)),
    V("valid-02", "adult2", "The patient gave written consent for publication of this report.",
      "case", legends=(27,)),
    V("valid-03", "adult", "Consent for publication: The patient provided written informed "
      "consent for the publication of this case.", "inline", legends=(18,)),
    V("valid-04", "adult3", "The patient has consented to the publication of her clinical "
      "details and images.", "section", legends=(25,)),
    V("valid-05", "adult", "We obtained written permission from the patient to publish this "
      "case.", "section", legends=(19,)),
    V("valid-06", "adult2", "The patient agreed to the publication of this case report and "
      "signed a consent form.", "ack", legends=(28,)),
    V("valid-07", "adult", "Patient consent for publication: obtained from the patient in "
      "writing.", "inline", legends=(20,)),
    V("valid-08", "adult3", "Informed consent to publish was obtained from the patient.",
      "title", legends=(30,)),
    V("valid-09", "adult", "Verbal and written consent for publication were obtained from the "
      "patient.", "section", legends=(21,)),
    V("valid-10", "adult2", "The patient provided signed consent for publication of the images "
      "and clinical information in this article.", "section", legends=(22,)),
    V("valid-11", "child", "Written informed consent for publication was obtained from the "
      "patient's parents.", "section", legends=(23,)),
    V("valid-12", "child", "The boy's mother gave written consent for publication of this case "
      "and the images.", "section", legends=(24,)),
    V("valid-13", "infant", "Consent for publication was obtained from the infant's legal "
      "guardian.", "inline", legends=(26,)),
    V("valid-14", "deceased", "Written consent for publication was obtained from the patient's "
      "next of kin.", "section", legends=(29,)),
    V("valid-15", "deceased", "The patient's wife gave written informed consent for "
      "publication.", "section", legends=(31,)),
    V("valid-16", "deceased2", "The patient gave written consent for publication before her "
      "death.", "case", legends=(32,)),
    V("valid-17", "dementia", "Consent for publication was obtained from the patient's legal "
      "representative.", "section", legends=(33,)),
    V("valid-18", "icu", "Written consent for publication was obtained from the patient after "
      "he regained capacity.", "section", legends=(34,)),
    V("valid-19", "adult", "Consent: Before this case was published, the patient and/or their "
      "guardian gave written informed consent. Radiopaedia stores this consent separately from "
      "this case.\nPermission ID: RP-22914", "section", legends=(35,)),
    V("valid-20", "review", "Consent for publication: Not applicable.", "inline",
      legends=(41,)),
    V("valid-21", "cohort", "The requirement for informed consent was waived by the "
      "institutional review board because of the retrospective design.", "participate",
      legends=(42,)),
    V("valid-22", "cohort", "Informed consent was obtained from all individual participants "
      "included in the study.", "participate", legends=(40,)),
    V("valid-23", "methods", "", "section", legends=(43,)),
    V("valid-24", "template", "", "section", legends=(44,)),
    V("valid-25", "review", "", "section", legends=(39,)),
    V("valid-26", "adult", "The patient's consent for publication of this report is on file "
      "with the authors and available to the editor on request.", "section", legends=(36,)),
    V("valid-27", "adult3", "Both the patient and her husband gave written consent for "
      "publication.", "case", legends=(37,)),
    V("valid-28", "adult2", "Written consent to publish this report, including the photographs, "
      "was given by the patient.", "ack", legends=(38,)),
    V("valid-29", "adult", "The patient signed a journal consent form allowing publication of "
      "the case and the images.", "section", legends=(0, 17)),
    V("valid-30", "adult2", "Consent was obtained from the patient for publication of this case "
      "report.", "footnote", legends=(1,)),
    V("valid-31", "adult", "", "section", legends=(18,)),
    V("valid-32", "teen", "Written consent for publication was obtained from the patient and "
      "her parents.", "section", legends=(2,)),
    # incomplete statements (default ruleset: publication, obtained, giver)
    V("incomplete-01", "adult", "Informed consent was obtained.", "section", ("MS103",),
      legends=(3,)),
    V("incomplete-02", "adult2", "Consent for publication was obtained.", "inline", ("MS103",),
      legends=(23,)),
    V("incomplete-03", "adult3", "The patient gave informed consent.", "case", ("MS103",),
      legends=(24,)),
    V("incomplete-04", "adult", "Written informed consent was obtained from the patient.",
      "ack", ("MS103",), legends=(4,)),
    V("incomplete-05", "adult2", "Consent for publication was sought from the patient.",
      "section", ("MS103",), legends=(25,)),
    V("incomplete-06", "adult", "Consent: obtained.", "inline", ("MS103",), legends=(5,)),
    V("incomplete-07", "adult3", "Informed consent was obtained from the patient's family.",
      "title", ("MS103",), legends=(26,)),
    V("incomplete-08", "adult", "Verbal consent was obtained.", "case", ("MS103",),
      legends=(27,)),
    V("incomplete-09", "adult2", "The patient consented.", "case", ("MS103",),
      legends=(6,)),
    V("incomplete-10", "adult", "Consent to publish was received.", "ethics", ("MS103",),
      legends=(28,)),
    # consent for the wrong purpose
    V("purpose-01", "adult2", "Informed consent for surgery was obtained from the patient.",
      "case", ("MS102",), legends=(29,)),
    V("purpose-02", "adult", "The patient gave written informed consent for the procedure.",
      "case", ("MS102",), legends=(7,)),
    V("purpose-03", "adult3", "Written consent was obtained for the operation and for "
      "anaesthesia.", "ethics", ("MS102",), legends=(30,)),
    V("purpose-04", "adult", "All participants gave informed consent to take part in the "
      "study.", "participate", ("MS102",), legends=(31,)),
    V("purpose-05", "adult2", "The patient was enrolled in the registry after giving informed "
      "consent.", "participate", ("MS102",), legends=(32,)),
    V("purpose-06", "adult", "The patient consented to the use of the photographs for teaching "
      "purposes only.", "section", ("MS102",), legends=(8,)),
    V("purpose-07", "adult3", "Consent was obtained for the medical record only.", "section",
      ("MS102",), legends=(33,)),
    V("purpose-08", "adult", "Informed consent for chemotherapy was obtained.", "case",
      ("MS102",), legends=(34,)),
    V("purpose-09", "child", "The parents gave consent for the biopsy.", "case", ("MS102",),
      legends=(35,)),
    V("purpose-10", "adult2", "Ethics approval was granted and the patient gave consent to "
      "participate.", "ethics", ("MS102",), legends=(9,)),
    # waived, not applicable, not obtained
    V("negative-01", "adult", "Consent for publication: Not applicable.", "inline", ("MS102",),
      legends=(36,)),
    V("negative-02", "adult2", "Not applicable.", "section", ("MS102",), legends=(37,)),
    V("negative-03", "adult3", "The requirement for informed consent was waived by the ethics "
      "committee.", "ethics", ("MS102",), legends=(38,)),
    V("negative-04", "adult", "Consent was not required for this case report.", "section",
      ("MS102",), legends=(10,)),
    V("negative-05", "adult2", "Patient consent was not obtained because the patient could not "
      "be contacted.", "section", ("MS102",), legends=(39,)),
    V("negative-06", "adult", "Consent for publication could not be obtained as the patient "
      "was lost to follow-up.", "case", ("MS102",), legends=(11,)),
    V("negative-07", "adult3", "No consent was obtained.", "section", ("MS102",),
      legends=(40,)),
    V("negative-08", "adult", "The patient declined to give consent for publication.",
      "section", ("MS102",), legends=(12,)),
    V("negative-09", "adult2", "We were unable to obtain consent from the patient.", "case",
      ("MS102",), legends=(41,)),
    V("negative-10", "adult", "Consent for publication: N/A", "inline", ("MS102",),
      legends=(13,)),
    V("negative-11", "adult3", "Formal consent is not required for anonymised case reports.",
      "ethics", ("MS102",), legends=(42,)),
    V("negative-12", "adult", "This report is published without the patient's consent as all "
      "identifying details were removed.", "section", ("MS102",), legends=(14,)),
    V("negative-13", "adult2", "Consent to publish was waived.", "inline", ("MS102",),
      legends=(43,)),
    V("negative-14", "deceased", "Consent could not be obtained because the patient died and no "
      "next of kin could be traced.", "section", ("MS102",), legends=(44,)),
    V("negative-15", "adult", "Written informed consent for publication was obtained from the "
      "patient.", "section", legends=(45,)),
    # placeholders
    V("placeholder-01", "adult", "[insert consent statement]", "section", ("MS105",),
      legends=(15,)),
    V("placeholder-02", "adult2", "Consent for publication: XXX", "inline", ("MS105",),
      legends=(23,)),
    V("placeholder-03", "adult", "Consent: Before this case was published, the patient and/or "
      "their guardian gave written informed consent. Radiopaedia stores this consent "
      "separately from this case.\nPermission ID: <to be provided>", "section", ("MS105",),
      text="Permission ID", legends=(16,)),
    V("placeholder-04", "adult3", "Consent for publication: [to be added]", "inline",
      ("MS105",), legends=(24,)),
    V("placeholder-05", "adult", "Consent for publication: Please include a statement "
      "confirming that informed consent for publication was obtained from the patient.",
      "inline", ("MS105",), legends=(25,)),
    V("placeholder-06", "adult2", "Consent for publication: TBD", "inline", ("MS105",),
      legends=(26,)),
    V("placeholder-07", "adult", "Written informed consent for publication was obtained from "
      "[patient/parent/guardian].", "section", ("MS105",), legends=(27,)),
    V("placeholder-08", "template", "Include a statement confirming that informed consent was "
      "obtained from all participants and/or their legal guardians.", "section", ("MS105",),
      legends=(42,)),
    V("placeholder-09", "adult3", "The patient gave consent for publication on XX/XX/XXXX.",
      "section", ("MS105",), legends=(28,)),
    V("placeholder-10", "adult2", "", "empty-section", ("MS105",), legends=(9,)),
    V("placeholder-11", "template", "", "empty-section", ("MS105",), legends=(43,)),
    # child, deceased or incapacitated patient; consent not from a representative
    V("representative-01", "child", "Written informed consent for publication was obtained "
      "from the patient.", "section", ("MS104",), legends=(0,)),
    V("representative-02", "infant", "Consent for publication was obtained.", "inline",
      ("MS103", "MS104"), legends=(29,)),
    V("representative-03", "neonate", "The patient gave consent for publication.", "section",
      ("MS104",), legends=(2,)),
    V("representative-04", "teen", "Written consent for publication was obtained from the "
      "patient.", "case", ("MS104",), legends=(30,)),
    V("representative-05", "deceased", "Written informed consent for publication was obtained "
      "from the patient.", "section", ("MS104",), legends=(31,)),
    V("representative-06", "deceased2", "Consent for publication was obtained from the "
      "patient.", "ack", ("MS104",), legends=(32,)),
    V("representative-07", "dementia", "The patient gave written consent for publication.",
      "section", ("MS104",), legends=(3,)),
    V("representative-08", "icu", "Written consent for publication was obtained from the "
      "patient.", "inline", ("MS104",), legends=(33,)),
    V("representative-09", "icu", "Consent for publication was obtained from the patient's "
      "brother.", "section", legends=(34,)),
    V("representative-10", "child", "The patient and his mother gave written consent for "
      "publication of this report.", "title", legends=(35,)),
    # no statement at all
    V("missing-01", "adult", "", "section", ("MS101",), legends=(36,)),
    V("missing-02", "child", "", "section", ("MS101",), legends=(4,)),
    V("missing-03", "adult2", "We thank the patient and the nursing staff.", "ack", ("MS101",),
      legends=(37,)),
    V("missing-04", "adult3", "", "section", ("MS101",), legends=(38,)),
    V("missing-05", "adult", "", "section", ("MS101",), legends=(5,)),
    V("missing-06", "deceased", "", "section", ("MS101",), legends=(39,)),
    V("missing-07", "dementia", "", "section", ("MS101",), legends=(6,)),
    V("missing-08", "adult2", "The authors declare no competing interests.", "inline",
      ("MS101",), legends=(40,)),
    V("missing-09", "adult3", "Ethical approval is not required at our institution to publish "
      "an anonymous case report.", "ethics", ("MS101",), legends=(41,)),
    # phrasings in the style of published case reports and journal templates
    V("journal-01", "adult", "Patient consent for publication Obtained.", "inline",
      legends=(23,)),
    V("journal-02", "child", "Informed consent was obtained from the patient's legal guardian "
      "for the publication of this case report.", "section", legends=(24,)),
    V("journal-03", "infant", "The patient's parents have given their written informed consent "
      "to publish their child's case (including publication of images).", "section",
      legends=(25,)),
    V("journal-04", "adult2", "Written informed consent was obtained from the individual(s) for "
      "the publication of any potentially identifiable images or data included in this "
      "article.", "section", legends=(0,)),
    V("journal-05", "deceased", "The family of the patient provided written consent for "
      "publication.", "section", legends=(26,)),
    V("journal-06", "dementia", "Informed consent was taken from the patient's husband for "
      "publishing this case.", "case", legends=(27,)),
    V("journal-07", "adult3", "The patient has consented to the submission of the case report to "
      "the journal.", "section", legends=(1,)),
    V("journal-08", "adult", "Oral informed consent was obtained from the patient.", "section",
      legends=(28,)),
    V("journal-09", "adult2", "The patient could not be reached to obtain consent for "
      "publication.", "section", ("MS102",), legends=(29,)),
    V("journal-10", "adult", "Our institution does not require consent for publication of "
      "de-identified case reports.", "ethics", ("MS102",), legends=(2,)),
    V("journal-11", "adult3", "The patient gave her permission to publish the photographs.",
      "ack", legends=(30,)),
    V("journal-12", "adult", "The patient signed a release form authorising publication.",
      "section", legends=(31,)),
    V("journal-13", "adult2", "Written consent for the use of clinical images was obtained from "
      "the patient.", "title", legends=(3,)),
    V("journal-14", "adult", "The patient gave consent for the operation but declined consent "
      "for publication.", "case", ("MS102",), legends=(32,)),
    V("journal-15", "dementia", "Written consent to publish was obtained from the patient's "
      "daughter, who holds lasting power of attorney.", "section", legends=(33,)),
    V("journal-16", "adult3", "The patient kindly agreed to the publication of this case and the "
      "accompanying figures.", "ack", legends=(34,)),
    V("journal-17", "deceased2", "Consent for publication of this case was given by the "
      "patient's son.", "section", legends=(4,)),
    V("journal-18", "teen", "The girl's father signed the consent for publication.", "section",
      legends=(35,)),
    V("journal-19", "adult", "Consent was not sought, as the patient cannot be identified from "
      "the report.", "section", ("MS102",), legends=(36,)),
    V("journal-20", "dementia", "The patient was not able to provide consent for publication "
      "because of her cognitive impairment; consent was therefore obtained from her daughter.",
      "section", legends=(5,)),
    V("journal-21", "adult2", "Consent for publication has not been obtained.", "inline",
      ("MS102",), legends=(37,)),
    V("journal-22", "adult", "Verbal consent for this report was given by the patient over the "
      "telephone.", "case", legends=(38,)),
    V("journal-23", "adult3", "Photographs were taken with the patient's consent for teaching "
      "purposes.", "case", ("MS102",), legends=(39,)),
    V("journal-24", "adult", "The patient withdrew her consent for publication.", "section",
      ("MS102",), legends=(6,)),
    V("journal-25", "child", "Both parents consented to publication.", "section",
      legends=(40,)),
    V("journal-26", "icu", "Written informed consent for publication was provided by the "
      "patient's legally authorised representative.", "section", legends=(41,)),
    V("journal-27", "teen", "The patient kindly agreed to the publication of this case.",
      "section", ("MS104",), legends=(7,)),
    V("journal-28", "deceased2", "The patient has consented to the submission of the case report "
      "to the journal.", "section", ("MS104",), legends=(42,)),
    V("journal-29", "infant", "Consent for publication of this report was obtained.", "ack",
      ("MS103", "MS104"), legends=(43,)),
    V("journal-30", "adult2", "Written informed consent for publication of their details was "
      "obtained from the patient/study participant/parent/guardian/next of kin.", "section",
      ("MS105",), legends=(8,)),
)


def first_line(text: str) -> str:
    return text.split("\n")[0]


# --- the manuscript as a list of elements, then one writer per format ----------------------

Element = tuple[str, ...]


def elements(variant: Variant, fmt: str) -> list[Element]:
    sk = SKELETONS[variant.skeleton]
    out: list[Element] = [("title", sk.title)]
    lines = [line for line in variant.statement.split("\n") if line]
    if variant.placement == "title" and lines:
        out += [("para", line) for line in lines]
    if sk.case_heading:
        out.append(("h2", sk.case_heading))
    case = list(sk.case)
    if variant.placement in ("case", "footnote") and lines:
        if variant.placement == "footnote" and fmt == "tex":
            case[-1] = case[-1] + "\\footnote{" + " ".join(lines) + "}"
        else:
            case[-1] = case[-1] + " " + " ".join(lines)
    out += [("para", p) for p in case]
    for number, index in enumerate(variant.legends, start=1):
        legend = LEGENDS[index]
        out.append(("figure", str(number), legend.text, image_name(legend.image, number)))
    out += [("h2", "Discussion"), ("para", sk.discussion)]
    if variant.placement == "ack" and lines:
        out += [("h2", "Acknowledgements")] + [("para", line) for line in lines]
    if variant.placement in ("section", "inline", "ethics", "participate"):
        out.append(("h2", "Declarations"))
        heading = {"section": "Consent for publication", "ethics": "Ethics",
                   "participate": "Ethics approval and consent to participate"}.get(
                       variant.placement)
        if heading and lines:
            out.append(("h3", heading))
        out += [("para", line) for line in lines]
        out += [("h3", "Competing interests"), ("para", "None declared.")]
    if variant.placement == "empty-section":
        out += [("h2", "Declarations"), ("h3", "Consent for publication"),
                ("h3", "Competing interests"), ("para", "None declared.")]
    return out


def image_name(kind: str, number: int) -> str:
    return f"{kind}-{1 + (number - 1) % 2}.{'jpg' if kind == 'photo' else 'png'}"


def write_images(folder: Path) -> None:
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    for n in (1, 2):
        photo = Image.new("RGB", (120, 90))
        px = photo.load()
        for x in range(120):
            for y in range(90):
                px[x, y] = (190 + (x * 50) // 120 - n * 5, 140 + (y * 60) // 90,
                            110 + ((x + y) * 40) // 210)
        ImageDraw.Draw(photo).ellipse((40 + n * 5, 25, 80, 60), fill=(150, 60, 70))
        photo.save(folder / f"photo-{n}.jpg", quality=80)
        grey = Image.new("L", (120, 90))
        gp = grey.load()
        for x in range(120):
            for y in range(90):
                gp[x, y] = (x * 2 + y + n * 17) % 200 + 20
        ImageDraw.Draw(grey).ellipse((30, 20, 90, 70), fill=230)
        grey.save(folder / f"grey-{n}.png")
        chart = Image.new("RGB", (120, 90), "white")
        draw = ImageDraw.Draw(chart)
        for i, colour in enumerate(((31, 119, 180), (255, 127, 14), (44, 160, 44))):
            draw.rectangle((15 + i * 35, 80 - (i + n) * 15, 40 + i * 35, 80), fill=colour)
        chart.save(folder / f"chart-{n}.png")


def write_md(path: Path, els: list[Element]) -> None:
    out: list[str] = []
    for el in els:
        kind = el[0]
        if kind == "title":
            out.append(f"# {el[1]}")
        elif kind == "h2":
            out.append(f"## {el[1]}")
        elif kind == "h3":
            out.append(f"### {el[1]}")
        elif kind == "para":
            out.append(el[1])
        elif kind == "figure":
            out.append(f"![Figure {el[1]}. {el[2]}](../images/{el[3]})")
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def _tex_escape(text: str) -> str:
    return text.replace("&", "\\&").replace("%", "\\%").replace("#", "\\#")


def write_tex(path: Path, els: list[Element]) -> None:
    out = ["\\documentclass{article}", "\\usepackage{graphicx}"]
    body: list[str] = []
    for el in els:
        kind = el[0]
        if kind == "title":
            out.append(f"\\title{{{_tex_escape(el[1])}}}")
        elif kind == "h2":
            body.append(f"\\section*{{{el[1]}}}")
        elif kind == "h3":
            body.append(f"\\subsection*{{{el[1]}}}")
        elif kind == "para":
            text = el[1]
            body.append(text if "\\footnote" in text else _tex_escape(text))
        elif kind == "figure":
            body += ["\\begin{figure}", "\\centering",
                     f"\\includegraphics[width=0.5\\textwidth]{{../images/{el[3]}}}",
                     f"\\caption{{{_tex_escape(el[2])}}}", "\\end{figure}"]
        body.append("")
    out += ["\\begin{document}", "\\maketitle", "", *body, "\\end{document}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def write_docx(path: Path, els: list[Element], images: Path) -> None:
    import docx
    from docx.shared import Inches

    document = docx.Document()
    for el in els:
        kind = el[0]
        if kind == "title":
            document.add_heading(el[1], level=0)
        elif kind == "h2":
            document.add_heading(el[1], level=1)
        elif kind == "h3":
            document.add_heading(el[1], level=2)
        elif kind == "para":
            document.add_paragraph(el[1])
        elif kind == "figure":
            document.add_picture(str(images / el[3]), width=Inches(2.0))
            document.add_paragraph(f"Figure {el[1]}. {el[2]}", style="Caption")
    props = document.core_properties
    props.author = "mslint corpus"
    props.last_modified_by = "mslint corpus"
    props.created = props.modified = FIXED_DATE
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip_times(buffer.getvalue()))


def _fixed_zip_times(data: bytes) -> bytes:
    """The same package with every entry dated FIXED_DATE (python-docx stamps the time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_pdf(path: Path, els: list[Element], images: Path) -> None:
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    left, right, bottom = 60.0, 535.0, 780.0
    y = 60.0
    styles = {"title": ("hebo", 16.0), "h2": ("hebo", 13.0), "h3": ("hebo", 11.5),
              "para": ("helv", 10.0), "caption": ("helv", 9.0)}

    def text(kind: str, value: str) -> None:
        nonlocal page, y
        font, size = styles[kind]
        for _ in range(2):
            rect = pymupdf.Rect(left, y, right, bottom)
            rc = page.insert_textbox(rect, value, fontname=font, fontsize=size)
            if rc >= 0:
                y = bottom - rc + size * 0.8
                return
            page = doc.new_page()
            y = 60.0
        raise ValueError(f"text does not fit on a page: {value[:40]}")

    for el in els:
        kind = el[0]
        if kind == "figure":
            if y + 100 > bottom:
                page = doc.new_page()
                y = 60.0
            page.insert_image(pymupdf.Rect(left, y, left + 120, y + 90),
                              filename=str(images / el[3]))
            y += 96
            text("caption", f"Figure {el[1]}. {el[2]}")
        else:
            text(kind, el[1])
    doc.set_metadata({"author": "mslint corpus", "producer": "mslint corpus generator",
                      "creationDate": "D:20250101000000Z", "modDate": "D:20250101000000Z"})
    doc.save(str(path), garbage=3, deflate=True, no_new_id=True)
    doc.close()


# --- truth ---------------------------------------------------------------------------------


def expected(variant: Variant) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for rule in variant.expect:
        if variant.placement == "empty-section":
            out.append({"rule": rule, "text": "Consent for publication"})
        elif rule == "MS101":
            out.append({"rule": "MS101"})
        else:
            out.append({"rule": rule, "text": variant.text or first_line(variant.statement)})
    for index in variant.legends:
        legend = LEGENDS[index]
        for rule in legend.expect:
            item = {"rule": rule, "text": legend.text if rule == "MS110" else
                    legend.text.split(". ", 1)[1]}
            out.append(item)
    return out


def main() -> None:
    images = HERE / "images"
    write_images(images)
    files: dict[str, list[dict[str, str]]] = {}
    for i, variant in enumerate(VARIANTS):
        fmt = FORMATS[i % len(FORMATS)]
        folder = HERE / fmt
        folder.mkdir(exist_ok=True)
        path = folder / f"{variant.name}.{fmt}"
        els = elements(variant, fmt)
        if fmt == "md":
            write_md(path, els)
        elif fmt == "tex":
            write_tex(path, els)
        elif fmt == "docx":
            write_docx(path, els, images)
        else:
            write_pdf(path, els, images)
        files[f"{fmt}/{path.name}"] = expected(variant)
    for fmt in FORMATS:
        wanted = {Path(name).name for name in files if name.startswith(fmt + "/")}
        for stale in (HERE / fmt).iterdir():
            if stale.name not in wanted:
                stale.unlink() if stale.is_file() else shutil.rmtree(stale)
    truth = {"rules": RULES, "ruleset": "default", "files": files}
    (HERE / "truth.json").write_text(json.dumps(truth, indent=2) + "\n", encoding="utf-8")
    statements = sum(1 for v in VARIANTS if v.statement)
    legends = sum(len(v.legends) for v in VARIANTS)
    print(f"{len(VARIANTS)} manuscripts, {statements} statements, {legends} legends "
          f"({len(LEGENDS)} distinct)")


if __name__ == "__main__":
    main()
