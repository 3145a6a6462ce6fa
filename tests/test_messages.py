"""Wording: verdict messages, and an audit of every response for claims stronger than allowed."""

import re

import pytest

from padsafety.messages import condition_assessment, screening_verdict
from padsafety.rules import Verdict

# Words that promise too much. Allowed only when negated ("cannot cure", "not a cure", "no ... cure").
STRONG_CLAIMS = re.compile(
    r"\b(cure[sd]?|heals?|guarantee[sd]?|miracle|eliminates?|reverses?|treats)\b", re.I
)
NEGATION = re.compile(r"\b(not|cannot|can't|no|never|nor|don't|doesn't|isn't)\b[^.;:]*$", re.I)


def texts(domain):
    for name, variations in domain["responses"].items():
        for variation in variations:
            yield name, " ".join(variation["text"].split())


def test_no_response_promises_a_cure(domain):
    for name, text in texts(domain):
        for match in STRONG_CLAIMS.finditer(text):
            before = text[: match.start()]
            assert NEGATION.search(before), f"{name}: unqualified claim {match.group()!r}: {text}"


@pytest.mark.parametrize(
    "response, must_say",
    [
        (
            "utter_benefit_muscle_joint",
            ["cannot cure", "osteoarthritis", "rheumatoid arthritis", "prostaglandins"],
        ),
        (
            "utter_benefit_wound_healing",
            ["superficial, non-infected", "closed or healing", "deep or infected wound",
             "needs a doctor first", "source's statement, not an approved use"],
        ),
        (
            "utter_benefit_circulation",
            ["cold hands and feet", "cannot replace medication", "varicose veins", "hypertension"],
        ),
        ("utter_limitation_weight_loss", ["cannot directly break down fat cells", "exaggerated"]),
        ("utter_limitation_chronic_disease",
         ["not a cure", "cannot replace medication", "diabetic foot", "skin you cannot feel"]),
        (
            "utter_limitation_anti_aging",
            ["fine lines", "limited depth", "far inferior", "wrinkles and dark spots"],
        ),
        ("utter_limitation_variability", ["skin thickness", "1-2 weeks", "some people may not notice"]),
        ("utter_limitation_medical_substitute", ["supplemental", "medication or surgery", "fracture"]),
        ("utter_evidence", ["not put blind faith"]),
        ("utter_limitations", ["not put blind faith"]),
        ("utter_avoid_pregnancy", ["abdomen", "no safety data"]),
        ("utter_avoid_skin_conditions", ["acute skin infection", "acute eczema", "unhealed wound"]),
        ("utter_avoid_photosensitivity", ["lupus erythematosus", "porphyria", "device's manual"]),
        ("utter_avoid_implanted_device", ["pacemakers", "interfere"]),
        ("utter_avoid_children", ["no safety information for children", "paediatrician"]),
        ("utter_who_should_avoid", ["Pregnant", "acute eczema", "porphyria", "pacemakers"]),
    ],
)
def test_answers_keep_the_seeds_nuance(domain, response, must_say):
    text = " ".join(domain["responses"][response][0]["text"].split())
    for phrase in must_say:
        assert phrase.lower() in text.lower(), f"{response} lacks {phrase!r}"


def test_referral_and_emergency_wording(domain):
    referral = domain["responses"]["utter_doctor_referral"][0]["text"]
    emergency = domain["responses"]["utter_emergency"][0]["text"]
    assert "doctor" in referral
    assert "emergency" in emergency and "doctor" in emergency


def test_emergency_replies_fit_the_red_flag(domain):
    def text(name):
        return " ".join(domain["responses"][name][0]["text"].split())

    assert "crisis line" not in text("utter_emergency")  # no crisis-line text for the others
    assert "stop using it now" in text("utter_emergency_burn") and "Cool" in text("utter_emergency_burn")
    burn_followup = text("utter_emergency_followup_burn")
    assert "don't burst" in burn_followup and "doctor" in burn_followup
    assert "crisis line" in text("utter_emergency_followup_self_harm")
    assert "crisis line" in text("utter_emergency_self_harm") and "988" in text("utter_emergency_self_harm")
    assert "emergency number" in text("utter_emergency_followup")


def test_verdict_messages(rulebook):
    answers = {r.id: "no" for r in rulebook.screening_rules}
    green = screening_verdict(rulebook.evaluate(answers))
    assert "no contraindication" in green and "not a medical clearance" in green
    assert "device's manual" in green

    answers["pregnancy"] = "yes"
    answers["seizures"] = "unknown"
    red = screening_verdict(rulebook.evaluate(answers))
    assert red.startswith("Verdict: do not use")
    assert "Pregnancy" in red and "no safety data" in red
    assert "weren't sure" in red


def test_condition_assessment_messages(rulebook):
    assert "should not use" in condition_assessment(rulebook.assess_conditions(["porphyria"]))
    assert "ask your doctor" in condition_assessment(rulebook.assess_conditions(["diabetes"]))
    assert "ask your doctor" in condition_assessment(rulebook.assess_conditions([]))


def test_verdict_text_for_every_verdict():
    from padsafety.messages import VERDICT_TEXT

    assert set(VERDICT_TEXT) == set(Verdict)


def test_precautions_come_with_every_verdict(rulebook):
    for answers in (
        {r.id: "no" for r in rulebook.screening_rules},
        {r.id: "yes" for r in rulebook.screening_rules},
        {r.id: "unknown" for r in rulebook.screening_rules},
    ):
        text = screening_verdict(rulebook.evaluate(answers))
        assert "General precautions" in text and "skin you cannot feel" in text, text


# "safe" said of children, pregnancy or breastfeeding, unless denied ("can't say ... is safe")
SAFE_FOR = re.compile(r"\bsafe\b[^.]{0,60}\b(child|children|kids?|pregnan\w*|breastfeed\w*)|"
                      r"\b(child|children|kids?|pregnan\w*|breastfeed\w*)\b[^.]{0,60}\bsafe\b", re.I)


def test_nothing_says_safe_for_children_pregnancy_or_breastfeeding(domain, rulebook):
    from padsafety import messages

    corpus = [(name, text) for name, text in texts(domain)]
    corpus += [(r.id, r.reason) for r in rulebook.rules]
    corpus += [(name, value) for name, value in vars(messages).items() if isinstance(value, str)]
    for name, text in corpus:
        for sentence in re.split(r"(?<=[.!?])\s", text):
            if SAFE_FOR.search(sentence):
                assert re.search(r"\b(no safety|can't say|cannot say|not|never|no)\b", sentence, re.I), (
                    f"{name}: {sentence}"
                )


def test_every_rule_and_lexicon_entry_names_a_source(rulebook):
    import yaml

    from padsafety.rules import LEXICON_FILE

    lexicon = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    for entry in lexicon["conditions"] + lexicon["patterns"]:
        assert entry.get("source") in rulebook.sources, entry
    for rule in rulebook.rules:
        assert rule.source in rulebook.sources, rule.id
        if rule.source != "seed":
            assert "Follow your device's manual" in rulebook.sources[rule.source] or "doctor" in (
                rulebook.sources[rule.source]
            ), rule.source


def test_usage_guidance_keeps_its_precautions():
    from padsafety.conversation import default_beyond_source_answer

    text = default_beyond_source_answer(usage=True)
    for phrase in ["Follow your device's manual", "General guidance", "never look into the light",
                   "near-infrared", "skin you cannot feel", "fall asleep", "heat discomfort",
                   "front of the neck", "tattoos"]:
        assert phrase.lower() in text.lower(), phrase


def test_questions_beyond_the_source_say_so_and_seed_questions_do_not():
    from padsafety.messages import GUIDELINE_QUESTION_NOTE, PARTLY_SOURCED_NOTE, screening_question
    from padsafety.rules import default_rulebook

    rules = default_rulebook().screening_rules
    marked = {r.id for r in rules if GUIDELINE_QUESTION_NOTE in screening_question(1, len(rules), r)}
    assert marked == {r.id for r in rules if r.source != "seed" and not r.quote}
    assert {"photosensitising_medication", "seizures", "reduced_sensation"} <= marked
    assert "pregnancy" not in marked
    # the tumour: named by the source among the conditions to see a doctor about first
    partly = {r.id for r in rules if PARTLY_SOURCED_NOTE in screening_question(1, len(rules), r)}
    assert partly == {"cancer_in_area"}


def test_a_do_not_use_verdict_sends_the_user_to_their_doctor_and_a_green_one_does_not():
    from padsafety.messages import TALK_TO_DOCTOR, screening_verdict
    from padsafety.rules import default_rulebook

    book = default_rulebook()
    no = {r.id: "no" for r in book.screening_rules}
    assert TALK_TO_DOCTOR in screening_verdict(book.evaluate({**no, "pregnancy": "yes"}))
    assert TALK_TO_DOCTOR not in screening_verdict(book.evaluate(no))


def test_round7_contact_reply_names_a_doctor_only_after_medical_talk():
    # a warranty question in a conversation about nothing medical gets no referral (user study round 7, #54)
    from padsafety.messages import contact_reply

    assert "doctor" not in contact_reply(True, "", medical=False)
    assert "your doctor is the right person" in contact_reply(True, "", medical=True)
