"""The Rasa-free conversation helpers: topics beyond the source, follow-ups, verdict memory,
question splitting and intent hints."""

import pytest

from padsafety.conversation import (
    FollowUp,
    asks_about_question,
    beyond_source_topic,
    beyond_source_topics,
    claimed_conditions,
    followup_kind,
    merge_verdict,
    screening_explanation,
    status_answer,
    verdict_reminder,
    why_answer,
)
from padsafety.inputs import split_questions
from padsafety.intent_hints import hinted_intent, needs_cue, topic_intent
from padsafety.rules import load_rulebook


@pytest.mark.parametrize(
    "text, topic",
    [
        ("do I need goggles?", "eyes"),
        ("can I fall asleep on it", "sleep_on_pad"),
        ("does it get hot", "heat"),
        ("can i wear it over my t-shirt", "clothing"),
        ("how many minutes per session", "session_length"),
        ("how often should I use it", "frequency"),
        ("is 660nm better than 850nm", "wavelength"),
        ("will it help my acne", "acne"),
        ("is it FDA approved", "regulation"),
        ("how do I reset it", "device_operation"),
        ("what about my mood", "mood_sleep"),
        ("can it help with back pain", None),
    ],
)
def test_topics_beyond_the_source(text, topic):
    found = beyond_source_topic(text)
    assert (found.id if found else None) == topic


def test_every_topic_answer_says_the_source_does_not_cover_it_and_makes_no_claim():
    for topic in beyond_source_topics():
        text = topic.answer.lower()
        if topic.id in ("privacy", "memory"):
            # about this assistant, not the pads: what it keeps, and how to have it deleted
            assert "delete my data" in text and "cures" not in text
            continue
        assert "my source" in text, topic.id
        assert "does not" in text or "says nothing" in text, topic.id
        assert "cures" not in text and "proven" not in text, topic.id
        assert "manual" in text or "doctor" in text or "dermatologist" in text, topic.id


@pytest.mark.parametrize(
    "text, kind",
    [
        ("why?", FollowUp.WHY),
        ("how come", FollowUp.WHY),
        ("and for how long?", FollowUp.HOW_LONG),
        ("so am I fine?", FollowUp.STATUS),
        ("so can I use it then?", FollowUp.STATUS),
        ("only on my feet then?", FollowUp.STATUS),
        ("so it's a no?", FollowUp.STATUS),
        # dev round 3: after "it can't cure that" / "it can't replace your ibuprofen"
        ("does it at least help the symptoms?", FollowUp.SYMPTOMS),
        ("so it's useless for me?", FollowUp.SYMPTOMS),
        ("and alongside it?", FollowUp.ALONGSIDE),
        ("what about together with my meds?", FollowUp.ALONGSIDE),
        ("after bebe born is ok?", FollowUp.STATUS),
    ],
)
def test_follow_up_kinds(text, kind):
    assert followup_kind(text) is kind


def test_why_after_a_verdict_gives_its_reasons():
    text = why_answer("action_screening_verdict", ["pregnancy"])
    assert "Pregnancy" in text and "fetus" in text


def test_status_never_gives_a_green_light_without_a_verdict():
    assert "safety check" in status_answer("utter_benefits", None, [])
    assert "should not use" in status_answer(None, "do_not_use", ["photosensitivity"])
    assert "not a medical clearance" in status_answer(None, "no_contraindication_found", [])


def test_the_reminder_repeats_the_verdict_and_never_a_green_light():
    assert verdict_reminder("no_contraindication_found", []) is None
    assert verdict_reminder(None, []) is None
    assert "ask your doctor first" in verdict_reminder("ask_doctor", ["other_condition"])
    reminder = verdict_reminder("do_not_use", ["pregnancy"])
    assert "Pregnancy" in reminder and "should not use" in reminder


def test_merging_keeps_the_most_severe_verdict_and_every_reason():
    assert merge_verdict("do_not_use", ["pregnancy"], "ask_doctor", ["other_condition"]) == (
        "do_not_use", ["pregnancy", "other_condition"]
    )
    assert merge_verdict(None, [], "ask_doctor", []) == ("ask_doctor", [])


def test_every_screening_question_can_be_explained():
    for rule in load_rulebook().screening_rules:
        assert screening_explanation(rule.id), rule.id


@pytest.mark.parametrize(
    "text, rule, about",
    [
        ("what is porphyria?", "photosensitivity", True),
        ("what counts as acute eczema?", "skin_infection_or_eczema", True),
        ("is an ICD a pacemaker?", "implanted_device", True),
        ("no", "pregnancy", False),
        ("does it help my back?", "pregnancy", False),
        ("does it help with eczema?", "skin_infection_or_eczema", False),
        ("what can it do?", "open_wound", False),
    ],
)
def test_a_question_about_the_question(text, rule, about):
    question = load_rulebook().rule(rule).question
    assert asks_about_question(text, question) is about


@pytest.mark.parametrize(
    "text, parts",
    [
        ("Can it help with back pain and is it safe during pregnancy?",
         ["Can it help with back pain", "is it safe during pregnancy?"]),
        ("I sit all day. Would it help my back?", ["I sit all day. Would it help my back?"]),
        ("no, and what is porphyria?", ["no, and what is porphyria?"]),
        ("how many minutes per session, and what wavelength is best?",
         ["how many minutes per session", "what wavelength is best?"]),
        ("how much is it and where can I buy one?", ["how much is it", "where can I buy one?"]),
        ("tell me what it does and how it works", ["tell me what it does and how it works"]),
        ("how much is it? where can i buy one", ["how much is it?", "where can i buy one"]),
        ("I'm not pregnant. Is it safe? What about my eczema?",
         ["I'm not pregnant. Is it safe?", "What about my eczema?"]),
        ("/ask_benefits", ["/ask_benefits"]),
        ("yes, I have a small cut that hasn't healed", ["yes, I have a small cut that hasn't healed"]),
        # a lead-in before a colon does not hide the first question (dev round 4)
        ("two things: does it clear up acne, and can it regrow hair on my crown?",
         ["two things: does it clear up acne", "can it regrow hair on my crown?"]),
    ],
)
def test_split_questions(text, parts):
    assert split_questions(text) == parts


@pytest.mark.parametrize(
    "text, intent, confidence, hinted",
    [
        ("how much does one cost?", "ask_how_it_works", 0.4, "ask_purchase"),
        ("lol i nearly had a heart attack at the price", "ask_usage_safety", 0.3, "ask_purchase"),
        ("can I use it on my dog?", "ask_benefit_muscle_joint", 0.9, "ask_pet"),
        ("why? it's far from the baby", "ask_avoid_children", 0.6, "ask_followup"),
        ("why should pregnant women avoid it", "ask_avoid_pregnancy", 0.8, "ask_followup"),
        ("why is the sky blue", "out_of_scope", 0.8, None),
        ("I want to talk to a human", "bot_challenge", 0.7, "request_human"),
        ("sounds good, thx", "nlu_fallback", 0.2, "thank"),
        ("is it safe for pregnant women? I want to buy one", "ask_avoid_pregnancy", 0.8, None),
        ("/ask_pet", "ask_pet", 1.0, None),
    ],
)
def test_intent_hints(text, intent, confidence, hinted):
    assert hinted_intent(text, intent, confidence) == hinted


def test_topic_hint_only_over_a_generic_guess():
    assert topic_intent("do I need goggles?", "ask_how_it_works", 0.5) == "ask_not_in_source"
    assert topic_intent("do I need goggles?", "nlu_fallback", 0.9) == "ask_not_in_source"
    assert topic_intent("do I need goggles?", "ask_avoid_photosensitivity") is None
    assert topic_intent("can it help my back", "ask_benefits") is None


@pytest.mark.parametrize(
    "text, previous, expected",
    [
        ("I have both tbh", "can people with lupus or porphyria use it?", {"lupus", "porphyria"}),
        ("I do have them actually, on both legs", "and varicose veins?", {"varicose veins"}),
        ("yes I have it", "is it ok with a pacemaker?", {"pacemaker"}),
        # nothing was named before, or the message names its own condition, or claims nothing
        ("I have both tbh", "does it help back pain and cold feet?", set()),
        ("I have lupus too", "can people with eczema use it?", set()),
        ("I have a question", "can people with lupus use it?", set()),
        ("they have it", "can people with lupus use it?", set()),
    ],
)
def test_i_have_both_claims_the_conditions_just_named(text, previous, expected):
    assert set(claimed_conditions(text, previous)) == expected


@pytest.mark.parametrize(
    "intent, text, kept",
    [
        ("ask_avoid_children", "can my 8 year old use it?", True),
        ("ask_avoid_children", "is it ok for my toddler", True),
        ("ask_avoid_children", "is it safe for my mum? she's 68", False),
        ("ask_avoid_children", "ok what about the sore calf on my other leg?", False),
        ("ask_pet", "can I use it on my old dog's hips?", True),
        ("ask_pet", "break a leg sis! would a pad help her legs afterwards?", False),
        ("ask_benefits", "what can it do?", True),
    ],
)
def test_a_guess_about_children_or_pets_needs_its_word(intent, text, kept):
    assert needs_cue(intent, text) is not kept


def test_the_component_takes_the_next_guess_when_the_word_is_missing():
    from rasa.shared.nlu.training_data.message import Message

    from components.intent_hints import IntentHints

    message = Message(data={
        "text": "is it safe for my mum? she's 68",
        "intent": {"name": "ask_avoid_children", "confidence": 0.6},
        "intent_ranking": [
            {"name": "ask_avoid_children", "confidence": 0.6},
            {"name": "request_screening", "confidence": 0.3},
        ],
    })
    IntentHints().process([message])
    assert message.get("intent")["name"] == "request_screening"
    assert [i["name"] for i in message.get("intent_ranking")] == ["request_screening"]


def test_symptoms_and_alongside_answers_keep_the_remembered_verdict():
    from padsafety.conversation import alongside_answer, symptoms_answer

    for answer in (symptoms_answer, alongside_answer):
        plain = answer(None, [])
        assert "not a cure" in plain or "never a replacement" in plain
        assert "For you" not in plain
        kept = answer("do_not_use", ["pregnancy"])
        assert "don't use a red-light therapy pad" in kept and "Pregnancy" in kept


def test_after_the_birth_names_breastfeeding_and_keeps_the_pregnancy_verdict():
    text = status_answer("action_assess_condition", "do_not_use", ["pregnancy"], "after bebe born is ok?")
    assert "breastfeed" in text and "midwife" in text and "Pregnancy" in text


@pytest.mark.parametrize(
    "text, intent, confidence",
    [
        ("so it's useless for me?", "request_screening", 0.38),
        ("does it at least help the symptoms?", "nlu_fallback", 0.25),
        ("and alongside it?", "nlu_fallback", 0.25),
        ("why do I need to check, it's only light", "ask_how_it_works", 0.75),
    ],
)
def test_follow_ups_on_the_last_answer_are_follow_ups(text, intent, confidence):
    assert hinted_intent(text, intent, confidence) == "ask_followup"


@pytest.mark.parametrize(
    "text, intent, confidence, hinted",
    [
        ("I'm dying to try one of these, they're all over my tiktok", "report_red_flag", 0.5, "ask_benefits"),
        ("I'm dying to try one of these, is it safe for everyone?", "ask_who_should_avoid", 0.71, None),
        ("what about when it's not flaring?", "ask_limitations", 0.69, "ask_followup"),
        ("what about just for his cold hands?", "ask_avoid_skin_conditions", 0.25, "ask_benefit_circulation"),
        ("my eczema is not flaring", "mention_condition", 0.5, None),
    ],
)
def test_round_three_cues(text, intent, confidence, hinted):
    assert hinted_intent(text, intent, confidence) == hinted


def test_scars_asked_as_a_wound_question_get_the_scars_answer():
    scars = "fine. does it at least do anything for scars?"
    assert topic_intent(scars, "ask_benefit_wound_healing", 0.43) == "ask_not_in_source"
    assert topic_intent("will it help a graze heal?", "ask_benefit_wound_healing", 0.43) is None
    # an operation's scar healing is the source's "slow-healing superficial wounds after surgery"
    assert topic_intent("can it help my surgery scar heal?", "ask_benefit_wound_healing", 0.43) is None


# --- user study round 5 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, intent, confidence, hinted",
    [
        # a near tie between two social intents is confirmed, not read as "I didn't understand"
        ("thank u, bye", "goodbye", 0.51, "goodbye"),
        ("k never mind. bye", "goodbye", 0.63, "goodbye"),
        ("fair enough, I'll ask her at my next appointment", "nlu_fallback", 0.25, "affirm"),
        ("should I go to A&E or just wait and see?", "ask_usage_safety", 0.7, "ask_followup"),
        ("hello?? xray or not", "greet", 0.8, "ask_followup"),
        ("forget the price, does it help the back?", "nlu_fallback", 0.25, "ask_benefit_muscle_joint"),
        ("will I see results in a week?", "ask_limitation_variability", 0.5, None),
    ],
)
def test_round_five_cues(text, intent, confidence, hinted):
    assert hinted_intent(text, intent, confidence) == hinted


def test_fat_loss_needs_a_body_or_weight_word_and_a_dismissed_price_is_no_purchase_question():
    assert needs_cue("ask_limitation_weight_loss", "could it fix my slipped disc tho? doc said L4/L5")
    assert not needs_cue("ask_limitation_weight_loss", "does red light lipolysis actually work")
    assert needs_cue("ask_purchase", "I wasn't asking about price. tired achy legs, would it help?")
    assert not needs_cue("ask_purchase", "forget the price, where can I buy one?")
    assert not needs_cue("ask_purchase", "how much does it cost?")


def test_see_a_doctor_questions_get_a_plain_yes():
    from padsafety.conversation import SEE_DOCTOR_ANSWER, see_doctor_answer

    assert followup_kind("could it be broken? should i get it xrayed") is FollowUp.SEE_DOCTOR
    assert followup_kind("should I use it every day?") is not FollowUp.SEE_DOCTOR
    assert SEE_DOCTOR_ANSWER.startswith("Yes")
    # user study round 6: "should i ask my pharmacist?" got "No: ... should not use"; "GP next week, is that
    # fine?" after a toe the user can't walk on got generic text
    assert followup_kind("should i ask my pharmacist?") is FollowUp.SEE_DOCTOR
    assert see_doctor_answer("should i ask my pharmacist?") == SEE_DOCTOR_ANSWER
    waiting = see_doctor_answer("GP next week, is that fine?", "my toe is purple and I can't walk on it")
    assert waiting.startswith("Get it checked soon") and "don't use a red-light therapy pad" in waiting
    assert see_doctor_answer("ok to wait till tomorrow?").startswith("Get it checked soon")


def test_someone_elses_verdict_is_repeated_for_a_status_question():
    from padsafety.conversation import other_status_answer

    assert other_status_answer(["pregnancy"]).startswith("No: from what you told me (Pregnancy)")
    assert "ask their doctor" in other_status_answer(["other_condition"])
    assert other_status_answer([]) is None


def test_chat_words_are_english_and_other_languages_are_not():
    from padsafety.inputs import looks_english

    assert looks_english("k never mind. bye")
    assert not looks_english("hola como funciona esto")


@pytest.mark.parametrize(
    "text, intent, confidence, hinted",
    [
        # development round 4 of the scenarios
        ("fair point, I suppose", "nlu_fallback", 0.25, "affirm"),
        ("can you erase what I told you earlier?", "nlu_fallback", 0.25, "request_forget"),
        ("actually no, leave it", "nlu_fallback", 0.25, "deny"),
        ("I'll leave it there for today", "affirm", 0.4, "stop"),
        ("remind me who shouldn't use the pad?", "request_screening", 0.72, "ask_who_should_avoid"),
        ("ok what about the fine lines round my eyes?", "ask_limitations", 0.45, "ask_limitation_anti_aging"),
    ],
)
def test_dev_round_four_cues(text, intent, confidence, hinted):
    assert hinted_intent(text, intent, confidence) == hinted


def test_how_to_use_it_safely_wins_over_a_knowledge_guess():
    doze = "could I just doze off with it strapped to my legs?"
    assert topic_intent(doze, "ask_limitation_medical_substitute", 0.83) == "ask_not_in_source"
    assert topic_intent("does the pad get warm?", "ask_benefit_muscle_joint", 0.6) == "ask_not_in_source"
    assert topic_intent("does red light warm up cold hands", "ask_benefit_circulation", 0.6) is None


@pytest.mark.parametrize(
    "text, answer", [("ah ok, then no", "no"), ("right, in that case yes", "yes"), ("i see", None)]
)
def test_an_answer_after_the_question_was_explained(text, answer):
    from padsafety.answers import parse_answer

    parsed = parse_answer(text)
    assert (parsed.value if parsed else None) == answer


def test_a_sceptics_scam_question_is_the_evidence_question():
    lamp = "so it's basically a fancy lamp?"
    assert hinted_intent(lamp, "ask_limitation_anti_aging", 0.5) == "ask_evidence"
    assert hinted_intent("is the lamp bright?", "ask_how_it_works", 0.5) is None


def test_spending_is_a_purchase_word():
    text = "honestly I'm getting cold feet about spending that much on a gadget"
    assert hinted_intent(text, "ask_avoid_skin_conditions", 0.45) == "ask_purchase"


# --- user study round 6: "why?" after a verdict, practical questions, doctors' words ----------------------
@pytest.mark.parametrize(
    "rule, reason",
    [
        ("pregnancy", "fetus"),
        ("photosensitivity", "reacts to light"),
        ("implanted_device", "interferes"),
        ("open_wound", "medical treatment first"),
        ("other_condition", "no substitute"),
    ],
)
def test_why_after_a_verdict_gives_the_sources_reason_not_the_rule_line(rule, reason):
    from padsafety.rules import default_rulebook

    text = why_answer("action_assess_condition", [rule])
    line = text.split("\n")[1]
    assert reason in line and "My source" in line
    assert default_rulebook().rule(rule).reason not in line  # never the verdict's rule line again


def test_why_for_a_guideline_rule_is_its_guideline_and_says_it_goes_beyond_the_source():
    from padsafety.conversation import rule_why
    from padsafety.rules import default_rulebook

    book = default_rulebook()
    for rule in book.rules:
        why = rule_why(rule.id)
        assert "seed" not in why.lower(), rule.id
        if rule.source != "seed" and not rule.why:
            assert why.startswith("Careful general guidance beyond my source:"), rule.id
    assert "pulsing light" in rule_why("seizures")


def test_why_names_the_guideline_of_a_condition_named_under_another_condition():
    # "why would blood thinners matter for a light?": the bleeding guideline is its reason (round 6, #25)
    text = why_answer("action_assess_condition", ["other_condition"], ["blood thinners"])
    assert "seek medical attention" in text and "blood flow" in text
    assert "blood flow" not in why_answer("action_assess_condition", ["other_condition"], ["diabetes"])


@pytest.mark.parametrize(
    "text, topic",
    [
        ("what colour is the light on these?", "light_appearance"),
        ("is it supposed to flash?", "light_appearance"),
        ("does it make a buzzing noise", "light_appearance"),
        ("the leds are blinking, is that normal", "light_appearance"),
        ("I get hot flashes at night", "menopause"),  # not a question about the light flashing
        ("my pad came with goggles so that's fine. how many minutes on the face?", "session_length"),
        ("I have a titanium plate. is it a problem?", "metal_implant"),
    ],
)
def test_practical_topics_and_the_last_question_decide_the_topic(text, topic):
    assert beyond_source_topic(text).id == topic


@pytest.mark.parametrize(
    "text, intent, confidence, hinted",
    [
        # practical device questions get the topic's "my source does not cover that" (round 6, #17, #41, #45)
        ("what colour is the light?", "ask_how_it_works", 0.94, "ask_not_in_source"),
        ("is it supposed to flash?", "ask_avoid_skin_conditions", 0.34, "ask_not_in_source"),
        ("and cleaning it??", "ask_followup", 0.74, "ask_not_in_source"),
        ("why does it get hot?", "ask_followup", 1.0, None),
        # a metal implant is not the electronic-device rule's question (round 6, #30)
        ("the metal in my knee, is that a problem like a pacemaker?", "ask_avoid_implanted_device", 0.9,
         "ask_not_in_source"),
        ("is it ok with a pacemaker?", "ask_avoid_implanted_device", 0.9, None),
        # a warm, red cut is a sign of infection, not a question about the pad's heat (round 6, #21)
        ("my cut is red and puffy and warm now, pad to heal it?", "ask_benefit_wound_healing", 0.39, None),
    ],
)
def test_round_six_topic_intents(text, intent, confidence, hinted):
    assert topic_intent(text, intent, confidence) == hinted


@pytest.mark.parametrize(
    "text, intent, confidence, hinted",
    [
        ("fine ill ask the vet, thx", "ask_pet", 1.0, "affirm"),
        ("ok got it, i'll check the manual", "request_screening", 0.8, "affirm"),
        ("so basically a waste of money?", "express_frustration", 0.93, "ask_evidence"),
        ("so even a little bit of relief? im desperate honestly", "express_frustration", 0.3, "ask_followup"),
        ("should i get it looked at or just wait a few days?", "ask_usage_safety", 0.99, "ask_followup"),
        ("can my dog use it on his hips?", "ask_pet", 0.9, "ask_pet"),
    ],
)
def test_round_six_intent_hints(text, intent, confidence, hinted):
    assert hinted_intent(text, intent, confidence) == hinted


@pytest.mark.parametrize(
    "text, kind",
    [
        ("i asked if i should see a doctor about the cut", FollowUp.SEE_DOCTOR),
        ("my gp cant see me till next week, should i go somewhere today", FollowUp.SEE_DOCTOR),
        ("she asked her cardiologist and he said go ahead. so now its ok?", FollowUp.DOCTOR_SAID),
        ("my cardiologist said it's fine", FollowUp.DOCTOR_SAID),
        ("my doctor said it's not safe for me", FollowUp.STATUS),
        ("so even a little bit of relief?", FollowUp.SYMPTOMS),
    ],
)
def test_round_six_follow_up_kinds(text, kind):
    assert followup_kind(text) is kind


def test_a_doctors_go_ahead_is_followed_and_never_the_bots_own_green_light():
    from padsafety.conversation import doctor_said_answer

    own = doctor_said_answer("do_not_use", ["implanted_device"])
    assert "follow your doctor's advice" in own and "unless your doctor says otherwise" in own
    assert "Pacemaker" in own and "manual" in own and "safe" not in own
    other = doctor_said_answer(None, ["implanted_device"], for_other=True)
    assert "their doctor" in other and "your doctor" not in other


@pytest.mark.parametrize(
    "text, why",
    [
        ("but it's red light, not UV. why would it matter?", True),
        ("so you can't explain why?", True),
        ("how come?", True),
        ("somewhere anyhow", False),
    ],
)
def test_a_request_for_the_reason_anywhere_in_the_message(text, why):
    from padsafety.conversation import WHY_QUESTION

    assert bool(WHY_QUESTION.search(text)) is why


# user study round 7 (#31, #41): an explicit denial takes back what was named, and is said back
@pytest.mark.parametrize(
    "text, dropped",
    [
        ("im not pregnant lol im literally on my period", {"pregnancy"}),
        ("i never said i was light sensitive, i was asking if the drug is", {"photosensitivity"}),
        ("I didn't say I'm pregnant, I asked about the belly", {"pregnancy"}),
        ("on my back where there's no eczema", set()),  # places it, does not take it back
    ],
)
def test_an_explicit_denial_takes_the_condition_back(text, dropped):
    from padsafety.conversation import taken_back_conditions
    from padsafety.recognition import recognise

    assert taken_back_conditions(recognise(text), text) == dropped


def test_a_correction_is_said_back_with_what_still_holds():
    from padsafety.conversation import taken_back_reply

    reply = taken_back_reply(["photosensitivity"], "ask_doctor", ["photosensitising_medication"])
    assert reply.startswith("Got it") and "photosensitivity" in reply
    assert "Medicines that make the skin sensitive to light" in reply and "ask your doctor" in reply
    assert "Thanks for telling me" not in reply
    assert taken_back_reply(["pregnancy"], None, []) == (
        "Got it, thanks for correcting me: I won't count pregnancy for you."
    )
    assert "should still not use" in taken_back_reply(["eczema"], "do_not_use", ["implanted_device"])
    assert "From what" not in taken_back_reply(["lupus"], "do_not_use", ["photosensitivity"], True)


# user study round 7 (#48): "who should she ask?" gets whom to ask for the remembered rules
@pytest.mark.parametrize(
    "text",
    ["ok who exactly should she ask, cardiologist?", "which doctor do I see about it?",
     "GP or cardiologist?", "what kind of specialist should he talk to"],
)
def test_who_to_ask_is_a_follow_up_of_its_own(text):
    assert followup_kind(text) is FollowUp.WHO_TO_ASK


@pytest.mark.parametrize("text", ["who should avoid it?", "who do I ask about a refund?", "why?"])
def test_other_who_questions_are_not_about_whom_to_ask(text):
    assert followup_kind(text) is not FollowUp.WHO_TO_ASK


def test_who_to_ask_names_the_device_doctor_and_keeps_the_verdict():
    from padsafety.conversation import who_to_ask_answer

    answer = who_to_ask_answer(["implanted_device", "other_condition"], for_other=True)
    assert "their cardiologist" in answer and "pacemaker" in answer and "clinic" in answer
    assert "beyond my source" in answer and "they should not use the pad" in answer
    assert "your midwife" in who_to_ask_answer(["pregnancy"], for_other=False).lower()
    assert "GP" in who_to_ask_answer([], for_other=False)


# user study round 7 (#52, #42): water and a mains device gets a plain no; spots in the vision are no acne
@pytest.mark.parametrize(
    "text",
    ["is the pad waterproof?", "so in the bath yes or no? it plugs into the wall",
     "what about right after a shower, skin still a bit wet", "can I take it in the hot tub"],
)
def test_water_gets_the_electrical_safety_no(text):
    topic = beyond_source_topic(text)
    assert topic is not None and topic.id == "water_electrical"
    assert topic.answer.startswith("No.") and "electric shock" in topic.answer
    assert "beyond my source" in topic.answer and "manual" in topic.answer
    assert topic_intent(text, "ask_avoid_skin_conditions", 0.75) == "ask_not_in_source"


@pytest.mark.parametrize(
    "text", ["the headache is getting worse and the flashing spots wont go away", "I keep seeing spots"]
)
def test_spots_in_the_vision_are_not_acne_or_the_pads_light(text):
    topic = beyond_source_topic(text)
    assert topic is not None and topic.id == "eyes"
    assert beyond_source_topic("will it clear the spots on my chin?").id == "acne"


# ---- user study round 7: conversation quality (tests/scenarios/real_users_dev7.yml) ----------------------


@pytest.mark.parametrize("text,topic", [
    ("does it help bones heal faster?", "bones"),
    ("can it speed up a broken ankle mending", "bones"),
    ("would the light even go through the plaster cast?", "depth"),
    ("how deep does the light actually get", "depth"),
    ("so it works for cramps?", "pain_conditions"),
    ("what about menstrual pain", "pain_conditions"),
    ("orange vs red, does it matter", "light_appearance"),
    ("is it ok for two people to use the same pad", "cleaning_sharing"),
])
def test_round7_topics_the_source_does_not_stretch_to(text, topic):
    found = beyond_source_topic(text)
    assert found is not None and found.id == topic


@pytest.mark.parametrize("text,guess", [
    ("does it help bones heal faster?", "ask_benefit_wound_healing"),  # not the soft-tissue wound claim
    ("would the light even go through the plaster cast?", "ask_how_it_works"),  # not the mechanism
    ("so it works for cramps?", "ask_followup"),  # not the muscle-soreness "why"
    ("so it works for cramps?", "ask_benefit_muscle_joint"),
    ("some LEDs look dark/off, broken?", "goodbye"),
    ("can my partner and i share one pad", "report_red_flag"),  # no warning sign in it
    ("is it ok for two people to use the same pad", "request_screening"),
])
def test_round7_a_knowledge_guess_never_stretches_the_source(text, guess):
    assert topic_intent(text, guess, 0.5) == "ask_not_in_source"


def test_round7_a_stated_condition_or_a_clear_check_request_keeps_its_intent():
    assert topic_intent("my partner has a pacemaker, can we share the pad", "mention_condition", 0.9) is None
    assert topic_intent("is it safe for me?", "request_screening", 0.9) is None
    assert topic_intent("broke my wrist, can I put it over the cast", "mention_condition", 0.9) is None


@pytest.mark.parametrize("words,said", [
    ("swollen", "that condition"),
    ("gallbladder out", "that condition"),
    ("a named medical condition", "that condition"),
    ("psoriasis", "psoriasis"),
    ("tennis elbow", "tennis elbow"),
])
def test_round7_not_covered_answer_names_only_a_noun_phrase(words, said):
    from padsafety.conversation import condition_help, condition_phrase

    assert condition_phrase(words) == said
    kind, text = condition_help([("a named medical condition", words)]) or ("", "")
    assert kind == "text" and f"helps with {said}," in text


def test_round7_noted_conditions_are_said_with_an_article():
    from padsafety.conversation import noun_phrase

    assert noun_phrase("wound") == "a wound"
    assert noun_phrase("open wound") == "an open wound"
    assert noun_phrase("sunburn") == "sunburn"
    assert noun_phrase("a named medical condition") == "a health condition"


def test_round7_medical_talk_is_what_the_recogniser_finds():
    from padsafety.conversation import medical_talk

    assert not medical_talk(["hey do these pads come with a warranty?", "/deny", None, "bye"])
    assert medical_talk(["hi", "I have diabetes", "where can I buy one"])


@pytest.mark.parametrize("text,parts", [
    # a trailing fragment says more about the question before it, a leading one about the question after it
    ("how long is a normal session anyway? 10 min? 30?", 1),
    ("and the scalp part? is it safe to put it on my head", 1),
    ("Can it help with back pain and is it safe during pregnancy?", 2),
    ("what can it do? why?", 2),
])
def test_round7_fragments_are_not_questions_of_their_own(text, parts):
    assert len(split_questions(text)) == parts


def test_topics_compile_no_pattern_per_message(monkeypatch):
    # a pattern per topic word per call outgrew re's cache of 512 patterns: every message recompiled them
    # all, tripling the server's CPU per message (py-spy, 2026-12-05). Counted, not timed.
    import re as re_module

    from padsafety.conversation import answer_cue, beyond_source_topic

    texts = ("can I use it in the bath?", "is the pad supposed to blink?", "how do I clean it?", "nothing")

    def messages():
        for text in texts:
            beyond_source_topic(text)
            answer_cue("skin_infection_or_eczema", text)

    messages()  # the first use of each topic builds its pattern
    compiled = []
    original = re_module._compile
    monkeypatch.setattr(re_module, "_compile", lambda *a, **k: compiled.append(a[0]) or original(*a, **k))
    re_module.purge()  # an empty cache: any pattern made per call would be compiled again
    messages()
    per_call = [p for p in compiled if isinstance(p, str) and "(?<![a-z])" in p]
    assert per_call == []
