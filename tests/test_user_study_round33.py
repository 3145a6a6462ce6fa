"""User study round 33 and development round 17's answers in the check: each cause, tested without Rasa
servers (the conversations are in tests/scenarios/real_users_dev29.yml, ids d34-). New wordings."""

import pytest

from components.safety_policy import _HELP_COMING, _HELP_HERE, safety_plan
from padsafety.conversation import (
    COUNTS_FOR_ME,
    DO_INSTEAD,
    FRUSTRATED,
    MINE_NOT_THEIRS,
    OWN_USE_TOO,
    FollowUp,
    asks_for_healthy_other,
    beyond_source_topic,
    condition_phrase,
    followup_kind,
    instead_answer,
    nerve_signs,
    newly_named_person,
    other_after_self_answer,
    others_not_yours,
    people_named,
    see_doctor_answer,
)
from padsafety.intent_hints import hinted_intent, topic_intent
from tests.test_actions import form_turn, slot_events


# found before the round: "my wife has lupus", "I meant me, not her", then "and can my sister use it? she's
# healthy" got the wife's "should not use" and the wound answer ("healthy" read as healing)
@pytest.mark.parametrize("text, history, fresh", [
    ("and can my sister use it? she's healthy", ["my wife has lupus", "I meant me"], True),
    ("what about my mother-in-law, she's fit as a fiddle", ["my dad has a pacemaker"], True),
    ("can my wife use it on her knees then?", ["my wife has lupus", "ok", "thanks", "hm", "right"], False),
    ("can she use it?", ["my wife has lupus"], False),
])
def test_a_person_not_named_before(text, history, fresh):
    assert newly_named_person(text, history) is fresh


def test_a_new_person_is_not_given_the_first_persons_verdict():
    history = ["my wife has lupus, can she use it?", "I meant me, not her"]
    text = "and can my sister use it? she's healthy"
    assert asks_for_healthy_other(text, None, ["lupus"], history, history)
    # the same person again keeps her verdict, however long ago she was named
    assert not asks_for_healthy_other("can my wife use it then?", None, ["lupus"], history[-1:], history)
    # a condition named for the new person is hers: her own referral
    text = "can my sister use it? she has eczema"
    assert not asks_for_healthy_other(text, None, ["lupus"], history, history)


def test_the_answer_says_whose_the_earlier_condition_is():
    assert people_named(["my wife has lupus", "and my sister?"]) == ["wife", "sister"]
    said = other_after_self_answer(["lupus"], "wife")
    assert said.startswith("What you told me (lupus) is about your wife, not them.")


# #22: "sorry, I meant me, I'm the one with rosacea" after "my wife has rosacea": the rosacea became his, and
# the healthy wife kept its referral three times
@pytest.mark.parametrize("text, mine", [
    ("oops i meant me not her, the eczema is mine", True),
    ("I'm the one with the psoriasis, not him", True),
    ("no, it's mine, not hers", True),
    ("my wife has rosacea and I have it too", False),
    ("she has rosacea on her cheeks", False),
])
def test_a_condition_claimed_back_from_someone_else(text, mine):
    assert bool(MINE_NOT_THEIRS.search(text)) is mine


def test_after_claiming_it_back_a_healthy_relative_is_asked_about():
    history = ["my husband has psoriasis, would it help him?", "oops I meant me, I'm the one with psoriasis"]
    text = "my husband is perfectly healthy, is he ok to use it for his sore knees?"
    assert asks_for_healthy_other(text, "ask_doctor", [], history, history)


# #5: "My sugar numbers are not so good lately" read "numb" in "numbers"; "I did not say I have numbness or
# weakness" read the signs it denied: the emergency department for neither
@pytest.mark.parametrize("text, signs", [
    ("my blood sugar numbers have been high lately", False),
    ("I never said anything about weakness or numbness", False),
    ("no weakness at all, just cold feet", False),
    ("my left foot has gone numb since this morning", True),
    ("sudden weakness in my right arm", True),
])
def test_nerve_signs_told_not_denied(text, signs):
    assert nerve_signs(text) is signs


def test_a_clause_is_not_named_as_a_condition():
    assert condition_phrase("my sugar is high") == "that condition"
    assert condition_phrase("Raynaud's") == "raynaud's"


# #38: "actually i dont want this stored anywhere. delete my answers" in the check was taken as an answer
@pytest.mark.parametrize("text", [
    "hang on, I don't want any of this stored. delete my answers",
    "i do not want my answers kept anywhere",
])
def test_a_deletion_request_in_the_check(text):
    assert hinted_intent(text, "deny", 0.6) == "request_forget"
    _, events = form_turn(text, "screen_skin_infection_or_eczema", intent="request_forget")
    assert slot_events(events).get("screen_skin_infection_or_eczema") is None


# round 32, #8; round 33, #25: "what should I do instead?" after the eczema flare's verdict got the "No:" line
# again
@pytest.mark.parametrize("text, instead", [
    ("what should I do instead then?", True),
    ("so what can i use instead", True),
    ("any alternatives you'd suggest?", True),
    ("instead?", True),
    ("what else can it do?", False),
    ("can I use it instead of my cream?", False),
])
def test_what_to_do_instead(text, instead):
    assert bool(DO_INSTEAD.search(text)) is instead


def test_the_answer_to_instead_keeps_the_verdict_and_invents_no_treatment():
    said = instead_answer("do_not_use", ["skin_infection_or_eczema"])
    assert said.startswith("The advice stands: from what you told me (Acute skin infection or acute eczema), "
                           "don't use")
    assert "question for your doctor" in said and "can't suggest one" in said


# #21: "this check is for ME not mrs K" in a check about the resident was taken as an answer; the check then
# went on about "they"
def test_the_check_turned_to_the_user_starts_again():
    _, events = form_turn(
        "hang on, this check is for ME not mrs K", "screen_open_wound", intent="deny",
        known_other_conditions=["open wound"], screen_pregnancy="no", screen_skin_infection_or_eczema="no",
    )
    slots = slot_events(events)
    assert slots == {
        "screen_pregnancy": None, "screen_skin_infection_or_eczema": None, "screen_open_wound": None,
    }


def test_a_check_about_the_user_is_not_reset_by_a_me():
    _, events = form_turn("not for me, no", "screen_open_wound", intent="deny", screen_pregnancy="no")
    assert "screen_pregnancy" not in slot_events(events)
    assert slot_events(events).get("screen_open_wound") == "no"


# #8: "wait you said Yes?? so i can or i cant" got the reasons, never a plain "No"
@pytest.mark.parametrize("text, kind", [
    ("hold on so i can or i can't?", FollowUp.STATUS),
    ("is that a yes or a no", FollowUp.STATUS),
    ("why? is it because of the eczema", FollowUp.WHY),
])
def test_can_or_cant_asks_for_the_verdict(text, kind):
    assert followup_kind(text) is kind


# #36: "does my age matter?" from a 15-year-old, "do kids/teens need to be careful?" got "results vary"
@pytest.mark.parametrize("text, hinted", [
    ("I'm 14, is that too young? does my age matter", "ask_avoid_children"),
    ("should teenagers be careful with it", "ask_avoid_children"),
    ("is it ok for kids", "ask_avoid_children"),
    ("im 12 weeks along, is it ok?", None),
    ("my kids bought it for me, is it safe for my knees?", None),
])
def test_age_questions(text, hinted):
    assert hinted_intent(text, "ask_limitation_variability", 0.5) == hinted


# #37: a red, warm incision with a fever got "Get help the same day if ... you get a fever"
def test_a_fever_told_with_a_wound_is_today():
    said = see_doctor_answer("is the warm red bit on my scar a worry", "had chills last night")
    assert said.startswith("Yes, today:")
    said = see_doctor_answer("the cut is red and warm, no fever though")
    assert said.startswith("Yes, see a doctor rather")


# #31: "ambulance is on the way" got the hand-off with "If not, call ..." again
@pytest.mark.parametrize("text, coming", [
    ("the ambulance is on its way now", True),
    ("my brother rang 999, they're coming", True),
    ("paramedics are here now", False),
    ("should I wait for it to pass", False),
])
def test_help_on_the_way(text, coming):
    assert bool(_HELP_COMING.search(text) and not _HELP_HERE.search(text)) is coming


# development round 17, answers in the check: supplements only is a no; "is that numbness?" doubts it
@pytest.mark.parametrize("text, requested, value", [
    ("only fish oil, nothing on prescription", "screen_photosensitising_medication", "no"),
    ("my toes go fuzzy at night, would that count as numbness?", "screen_reduced_sensation", "unknown"),
    ("yes, diabetic neuropathy in both feet", "screen_reduced_sensation", "yes"),
])
def test_answers_in_the_check_round17(text, requested, value):
    _, events = form_turn(text, requested, intent="deny")
    assert slot_events(events).get(requested) == value


# #35: "I have a copper IUD, is that an implant?" at the device question got the pacemaker text, and the stop
# summary then named a pacemaker
@pytest.mark.parametrize("text", [
    "I've got the mirena coil, does that count?", "there's a metal rod in my shin?",
])
def test_a_passive_implant_in_the_check_is_explained(text):
    dispatcher, events = form_turn(text, "screen_implanted_device", intent="ask_avoid_implanted_device")
    assert slot_events(events) == {"screen_implanted_device": None}
    assert any("isn't an electronic device" in (m.get("text") or "") for m in dispatcher.messages)


def test_a_passive_implant_with_a_plain_no_is_a_no():
    _, events = form_turn("no, just a hip replacement", "screen_implanted_device", intent="deny")
    assert slot_events(events).get("screen_implanted_device") == "no"


# #23: "my gym buddy says red light boosts testosterone" and "and the testosterone part?" got nothing on it
@pytest.mark.parametrize("text, intent", [
    ("and the testosterone part?", "nlu_fallback"),
    ("will it raise my T levels", "ask_limitation_weight_loss"),
])
def test_a_hormone_claim_gets_its_answer(text, intent):
    assert topic_intent(text, intent, 0.5) == "ask_not_in_source"
    assert beyond_source_topic(text).id == "hormones"


# round 34, #5: "Should I wait for my next routine appointment in two months?" after a diabetic's slow-healing
# heel sore got the not-a-substitute paragraph
def test_waiting_for_a_routine_appointment_is_a_no():
    text = "my son says it's nothing. can I wait until my annual check-up in the spring?"
    assert followup_kind(text) is FollowUp.SEE_DOCTOR
    said = see_doctor_answer(text, "there's a sore on my big toe that hasn't healed in a month")
    assert said.startswith("No, don't wait. Have it checked soon")


# round 34, #6: "can SHE use it? MY DAUGHTER" after "can i use my red light pad on my 8 year old?" was taken
# for a new person (a green light for the child), and the first question for the parent's own use
def test_a_child_named_again_is_the_same_child():
    history = ["can i use my red light pad on my 8 year old? she has growing pains"]
    assert not newly_named_person("no, MY DAUGHTER. can she use it", history)
    assert not OWN_USE_TOO.search(history[0])


# round 34, #16: "it's 2 days old, cooling it now is pointless" after burn advice got "Good, keep cooling it"
@pytest.mark.parametrize("text, plan", [
    ("the burn is three days old now, what should i do", ["utter_emergency_burn_old"]),
    ("isn't it too late to cool it? it happened on monday", ["utter_emergency_burn_old"]),
    ("ok running it under cool water now", ["utter_emergency_burn_cooling"]),
])
def test_an_old_burn_is_not_cooled(text, plan):
    assert safety_plan(text, "ask_followup", False, "utter_emergency_burn", "utter_emergency_burn") == plan


# round 34, #41: "no weakness. just annoying" got "I'm sorry this has been frustrating"
@pytest.mark.parametrize("text, upset", [
    ("two weeks now, no numbness. just a bit annoying. can I use it on my neck?", False),
    ("this bot is so annoying", True),
])
def test_a_symptom_called_annoying_is_no_complaint(text, upset):
    assert bool(FRUSTRATED.search(text)) is upset



# round 34, #19: "does my mum's thing count against me?" got 200 words of her block and two paragraphs
def test_a_relatives_condition_does_not_count_for_the_user():
    assert COUNTS_FOR_ME.search("so does my dad's pacemaker thing apply to me as well?")
    assert not COUNTS_FOR_ME.search("does it count as a medical device?")
    said = others_not_yours(["rheumatoid arthritis"], "ask_doctor", ["other_condition"])
    assert said.startswith("No: what you told me (rheumatoid arthritis) is about the other person, not you.")
    assert "ask your doctor first" in said


# development round 18, answers in the check
@pytest.mark.parametrize("text, requested, value", [
    ("epilepsy? nope lol", "screen_seizures", "no"),
    ("we're trying for a baby so I can't say for sure", "screen_pregnancy", "unknown"),
    ("can't remember what the cream is called", "screen_photosensitising_medication", "unknown"),
    ("had one a few weeks back", "screen_seizures", "yes"),
    ("my toes go tingly, not sure if that's numbness", "screen_reduced_sensation", "unknown"),
])
def test_answers_in_the_check_round18(text, requested, value):
    _, events = form_turn(text, requested, intent="deny")
    assert slot_events(events).get(requested) == value
