"""The text of the identifier development set: case paragraphs with planted identifiers,
legends, and hard negatives. All people, numbers and places here are invented.

Planted identifiers are written ``[[category:text]]``; `generate.py` strips the markers and
writes each one into ``truth.json`` as an expected finding of the rule owning the category.
Anything not marked must give no finding (hard negatives sit next to the planted ones).
Slots ``{name}``, ``{date}``... are filled from the value pools below, seeded per manuscript.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Jane", "Maria", "Leila", "Sophie", "Fatemeh", "Emma", "Amelia", "Priya", "Olga", "Aisha",
    "Hannah", "Chloe", "Zahra", "Ingrid", "Lucia", "Peter", "Ahmad", "Oliver", "Reza",
    "Mohammad", "Lucas", "Thomas", "Rahul", "Ivan", "Kwame", "Daniel", "Samuel", "Hamid",
    "George", "Mateo",
)
SURNAMES = (
    "Doe", "Gonzalez", "Karimi", "Moradi", "Thompson", "Walker", "Hughes", "Novak", "Petrov",
    "Okafor", "Mensah", "Fischer", "Rossi", "Dubois", "Kowalski", "Sharma", "Patel", "Nguyen",
    "Tanaka", "Hansen", "O'Brien", "MacLeod", "Fernandes", "Haddad", "Rahimi", "Jafari",
    "Lindqvist", "Morrison", "Castillo", "Abernathy",
)
AUTHORS = (
    ("Sara Ahmadi", "Department of Internal Medicine, Tehran University of Medical Sciences, "
     "Keshavarz Boulevard, Tehran 14197-33141, Iran"),
    ("Michael Brennan", "Department of Radiology, St Elsewhere Hospital, 12 Hospital Road, "
     "Leeds LS1 3EX, UK"),
    ("Laura Chen", "Division of Cardiology, Riverside Medical Center, 400 Harbor Avenue, "
     "Boston, MA 02114, USA"),
    ("Ali Rezaei", "Faculty of Medicine, Shiraz University of Medical Sciences, Shiraz, Iran"),
    ("Katherine Lowe", "Department of Dermatology, Northfield General Hospital, Manchester "
     "M13 9PL, UK"),
    ("Javad Sadeghi", "Institute of Neurology, 8 Queen Square, London WC1N 3BG, UK"),
)
CITED = (
    "Smith JA, Jones B, Brown K. {title}. Lancet. 2019;393:1012-20. "
    "doi:10.1016/S0140-6736(19)30001-2",
    "Rossi M, Bianchi L. {title}. BMJ Case Rep. 2020 Mar 12;13(3):e233456.",
    "Andersson P, Larsen T, Berg H. {title}. N Engl J Med. 2018 Jan 4;378(1):45-53.",
    "Kumar S, Iyer R. {title}. J Med Case Rep. 2021;15:212. Published 2021 Apr 22.",
    "World Health Organization. {title}. Available from: https://www.who.int/publications/i/item/"
    "9789240061729 (accessed 14 June 2022).",
    "Martinez F, Okoro C. {title}. Radiology. 2017 Aug;284(2):350-7.",
)
REFERENCE_TITLES = (
    "Diagnostic pitfalls in elderly patients", "Outcomes after implant surgery",
    "A systematic review of rare presentations", "Management guidelines for clinicians",
    "Imaging features and differential diagnosis", "Long-term follow-up of a cohort",
)
TITLES = (
    "An unusual presentation of {topic} in a [[age:{age_old}]] woman: a case report",
    "{topic} presenting as chest pain: a case report and review of the literature",
    "Delayed diagnosis of {topic}: lessons from a single case",
    "{topic} after device implantation in an older adult: case report",
)
TOPICS = (
    "pulmonary embolism", "spontaneous coronary artery dissection", "miliary tuberculosis",
    "cardiac sarcoidosis", "lead-associated endocarditis", "necrotising fasciitis",
    "atypical haemolytic uraemic syndrome", "primary cardiac lymphoma",
)

# Patient paragraphs. Each is one paragraph of a case presentation.
CASE_PARAGRAPHS = (
    "[[name:Mrs {first} {last}]], a [[age:{age_old}]] retired teacher, was admitted on "
    "[[date:{date}]] with progressive dyspnoea. Her Glasgow Coma Scale score was 15.",
    "A 45-year-old man (hospital number [[mrn:{mrn}]]) presented on [[date:{date}]] with a "
    "two-week history of fever. On day 3 his CRP fell to 40 mg/L.",
    "[[name:{first} {last}]], a 58-year-old bus driver from [[place:{town}]], was referred "
    "with weight loss. He had no history of Crohn's disease or Hodgkin lymphoma.",
    "Patient [[initials:{ini}]], aged 67, reported that her husband, [[name:{first2}]], had "
    "noticed confusion since [[date:{date_month}]].",
    "The patient, [[name:Mr {last}]], lived at [[address:{street}]], [[postcode:{uk_postcode}]], "
    "with his wife. He could be reached on [[phone:{uk_phone}]].",
    "She was [[age:{age_pred}]] and lived alone. Her NHS number ([[nhs-number:{nhs}]]) was "
    "recorded on the referral letter dated [[date:{date}]].",
    "Her daughter e-mailed the team from [[email:{email}]] and posted updates on her blog "
    "([[url:{url}]]).",
    "A dual-chamber pacemaker (serial number [[device-id:{serial}]]) had been implanted in "
    "2016. Doppler ultrasound and Holter monitoring were normal.",
    "He was the driver of a car (registration plate [[vehicle-id:{plate}]]) involved in a "
    "collision. The Trendelenburg test was negative.",
    "On examination there was a [[distinctive-feature:tattoo]] of an anchor on the left "
    "forearm and a [[distinctive-feature:nose ring]]. Kernig and Babinski signs were absent.",
    "She was nursed in [[distinctive-feature:room 412]] of the coronary care unit and "
    "discharged two weeks later.",
    "[[initials:Mr {one}.]], a [[age:{age_old}]] farmer, was seen in clinic on "
    "[[date:{date}]]. Parkinson's disease had been diagnosed in 2015.",
    "His social security number ([[ssn:{ssn}]]) and insurance ID [[health-plan:{plan}]] "
    "appeared on the scanned admission form.",
    "Her national code was [[national-id:{iran_code}]]; she lived in [[place:{iran_town}]] and "
    "was treated with pembrolizumab (Keytruda) for a BRCA1-associated tumour.",
    "Blood tests on [[date:{date}]] showed haemoglobin 10.2 g/dL, platelets 150 000/µL and "
    "HbA1c 7.2%. Blood pressure was 120/80 mmHg.",
    "[[name:Ms {first} {last}]] ([[mrn:MRN {mrn_digits}]]) was transferred from the Emergency "
    "Department. A Foley catheter was inserted and a Swan-Ganz catheter was considered.",
    "A [[age:{age_old}]] nursing-home resident was found on the floor of [[distinctive-feature:"
    "bed 7]] on [[date:{date}]]. Her Apgar score at birth was unknown.",
    "He worked nights and his mobile number, [[phone:{us_phone}]], was given to the team. An "
    "IP address ([[ip:{ip}]]) was logged by his home-monitoring device.",
    "The [[age:{age_old}]] woman had a [[distinctive-feature:birthmark]] on her neck. "
    "Serial CT imaging showed ring-enhancing lesions.",
    "[[name:{first} {last}]]'s mother, [[name:Mrs {last2}]], consented on his behalf. He had "
    "Down syndrome and a history of Guillain-Barré syndrome.",
    "His medical record number was [[mrn:{mrn_digits}]] and his driving licence number "
    "[[licence:{licence}]] was found in his wallet.",
    "She was admitted under account number [[account:{account}]] on [[date:{date}]] after a "
    "fall; a Colles fracture was reduced.",
    "A lot number ([[device-id:{lot}]]) was recorded for the breast implant. Six months later "
    "the capsule was intact.",
    "The patient was [[age:{age_pred}]]; his grandson, [[name:{first2} {last2}]], reported "
    "that he had been wearing [[distinctive-feature:earrings]] for decades.",
    "Her home in [[place:{town}]], at [[address:{street}]], was [[postcode:ZIP code "
    "{zip}]]. Raynaud phenomenon had been noted in 2010.",
    "His UR number [[mrn:{ur}]] and H&C number [[nhs-number:{hc}]] were printed on the "
    "request form. Lewy bodies were found at autopsy.",
    "The patient was born on [[date:{date}]] and was called [[name:{first}]] by her carers.",
    "A [[age:{age_old}]] man ([[initials:J.{one}.]]) presented on [[date:{date_alt}]] with "
    "cough. Wells score was 2 and D-dimer was raised.",
    "Fax results were sent to [[phone:{uk_landline}]], the number on her GP letter of "
    "[[date:{date_month}]].",
    "The [[distinctive-feature:wedding ring]] had to be cut off because of swelling; Child-Pugh "
    "class B cirrhosis was present.",
    "Her son, [[name:{first2}]], brought her to the emergency room, where the Glasgow Coma Scale "
    "was 13 and the ECG showed atrial fibrillation. She presented in March with NYHA class III "
    "symptoms.",
    "She had lived in [[place:{iran_town}]] since 2012 and travelled to France in 2019; her "
    "mobile was [[phone:{ir_phone}]].",
    "The NHS number [[nhs-number:{nhs_bare}]] was visible on the wristband. A T12 fracture and "
    "an L4/5 disc protrusion were seen; INR was 2.5.",
    "[[name:{first} {last}]], a [[age:{age_old}]] widow, had been in her twenties when ECOG 1 "
    "breast cancer was treated; a 90-day course of antibiotics followed.",
    "At 10:30 on day 2 she was reviewed by Dr Hughes. Troponin was 0.04 ng/mL and NT-proBNP "
    "1200 pg/mL; she had a 4 cm mass.",
    "Mr and [[name:Mrs {last}]] attended every visit. His [[distinctive-feature:piercings]] "
    "were removed before MRI; WHO grade 2 changes were seen.",
    "The vehicle identification number ([[vehicle-id:{vin}]]) of the car she was driving was "
    "in the police report; she had a 3rd cycle of chemotherapy after discharge.",
    "On [[date:{date}]] he was moved to [[distinctive-feature:bay 4]]; since the age of 12 he "
    "had used a Hickman line.",
)

LEGENDS = (
    "Chest radiograph of [[name:{first} {last}]] taken on [[date:{date}]] showing bilateral "
    "effusions.",
    "Clinical photograph of the left forearm showing the lesion beside a [[distinctive-feature:"
    "tattoo]].",
    "Contrast-enhanced CT (patient ID [[mrn:{mrn}]]) showing a ring-enhancing lesion.",
    "Ultrasound image acquired on [[date:{date_alt}]]; the label of the machine shows "
    "[[initials:Mrs {one}.]]",
    "Dermoscopy of a pigmented lesion on the back. Breslow thickness was 1.2 mm.",
    "Axial T2-weighted MRI showing Wernicke encephalopathy changes.",
)

HARD_NEGATIVE_SENTENCES = (
    "Parkinson's disease, Hodgkin lymphoma and Crohn's disease were all considered.",
    "The Glasgow Coma Scale score was 14 and the Babinski sign was absent.",
    "Apgar scores were 8 and 9 at 1 and 5 minutes.",
    "Smith et al. [1] described a similar case, as did Rossi and Bianchi [2].",
    "She was treated with Herceptin, then trastuzumab and Humira; EGFR and KRAS G12C were "
    "wild type.",
    "On day 3 the fever settled, and two weeks later she was discharged.",
    "The first such case was reported in 1998, and our unit has seen five since 2015.",
    "A 45-year-old man and a 67-year-old woman served as controls.",
    "JAK2 V617F and BCR-ABL1 were negative; TP53 was mutated.",
    "The Wells score, Child-Pugh class and Gleason score are discussed below.",
    "Emergency room staff performed a Valsalva manoeuvre and the Epley manoeuvre.",
    "Serial CT imaging showed ring-enhancing lesions and signet ring cells were seen.",
    "Kayser-Fleischer rings suggested Wilson disease; the Mantoux test was negative.",
    "Ehlers-Danlos syndrome and Marfan syndrome were excluded.",
    "Platelets were 150 000/µL, CD4 count was 350 cells/mm3 and p = 0.03 (95% CI 1.2-3.4).",
    "Dose escalation of 5-10-15 mg was planned over the 1990s protocol.",
    "Tumour staging was pT3 N1 M0 (ICD-10 code C50.9); QTc was 480 ms.",
    "Bell's palsy, Cushing syndrome and Graves' disease were in the differential.",
    "Dr Hughes performed the biopsy and Professor Brennan reviewed the slides.",
    "At the 6-month follow-up visit she remained well.",
    "The Ottawa ankle rules and Ranson criteria were applied at 10:30 on day 2.",
    "ICD-10 code I21.4, INR 2.5, NYHA class III and over 90% stenosis were recorded.",
    "She presented in March, in her fifth decade, with a 90-day history of cough.",
    "Half a tablet (1/2) was given three times daily for 3 days.",
    "ORCID 0000-0002-1825-0097 identifies the first author.",
)

NEGATIVE_FILES = {
    "eponyms": (
        "Eponyms",
        HARD_NEGATIVE_SENTENCES[0:3] + HARD_NEGATIVE_SENTENCES[9:14] + (
            "Sjögren syndrome, Kawasaki disease and Takayasu arteritis were reviewed.",
            "Burkitt lymphoma, Ewing sarcoma and Wilms tumour are childhood cancers.",
            "A Whipple procedure was performed through a Pfannenstiel incision.",
            "McBurney's point tenderness and Murphy's sign were absent.",
            "Reed-Sternberg cells and Auer rods were not seen; the Gram stain was negative.",
        ),
    ),
    "drugs-genes": (
        "Drugs and genes",
        (HARD_NEGATIVE_SENTENCES[4], HARD_NEGATIVE_SENTENCES[8],
         "Xarelto was switched to Eliquis; Lasix and Augmentin were continued.",
         "ALK, ROS1 and HER2 testing was negative; BRAF V600E was present.",
         "She received Keytruda (pembrolizumab) and later Opdivo (nivolumab).",
         "MLH1, MSH2, MSH6 and PMS2 were retained on immunohistochemistry."),
    ),
    "relative-times": (
        "Relative times and years",
        (HARD_NEGATIVE_SENTENCES[5], HARD_NEGATIVE_SENTENCES[6], HARD_NEGATIVE_SENTENCES[19],
         "On postoperative day 5 the drain was removed.",
         "In 2019 the unit changed its protocol; data from 2010 to 2020 were reviewed.",
         "Three days after admission she was extubated, and at 12 weeks she was walking.",
         "A 30-year follow-up study and a 90-day mortality of 12% were reported."),
    ),
    "numbers": (
        "Numbers that are not identifiers",
        (HARD_NEGATIVE_SENTENCES[14], HARD_NEGATIVE_SENTENCES[15], HARD_NEGATIVE_SENTENCES[16],
         "Haemoglobin was 10.2 g/dL and blood pressure 120/80 mmHg.",
         "The lesion measured 12 x 8 x 5 mm and enhanced at 3.5 T.",
         "The software (version 3.8.18) and the scanner (1.5 T) were standard.",
         "ICD-10 code I21.4, INR 2.5, NYHA class III and over 90% stenosis were recorded.",
         "Half a tablet (1/2) was given three times daily for 3 days; QTc was 480 ms.",
         "A T12 fracture and an L4/5 disc protrusion were seen on MRI at 3 T."),
    ),
}
