"""User study round 26's open findings and round 27: each cause, tested without Rasa servers (the
conversations themselves are in tests/scenarios/real_users_dev26.yml). New wordings, not the transcripts'."""

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel

from connectors.parts import PartsOutputChannel
from padsafety.inputs import split_questions
from padsafety.medicines import light_sensitivity_answer
from padsafety.recognition import Experiencer, recognise


def _own(text, rule):
    return [m for m in recognise(text).affirmed() if m.rule_id == rule]


# round 26, #53, #57: "can chemo make her light-sensitive?" asks whether something causes it; it was recorded
# as her photosensitivity and raised the verdict to "should not use"
@pytest.mark.parametrize("text", [
    "could this antibiotic make me more sensitive to light?",
    "does rosacea make your skin photosensitive?",
    "my dad is on tamoxifen. would that make him light sensitive?",
    "will my acne gel make my skin sensitive to the sun?",
])
def test_a_question_whether_something_causes_light_sensitivity_names_none(text):
    assert all(m.experiencer is Experiencer.GENERAL for m in _own(text, "photosensitivity")), text


@pytest.mark.parametrize("text", [
    "my new tablets make me really sensitive to light",
    "the doxycycline has made my skin sensitive to sunlight, can i still use the pad?",
    "i'm sensitive to light, can i use it?",
])
def test_saying_one_is_light_sensitive_still_counts(text):
    found = _own(text, "photosensitivity") + _own(text, "photosensitising_medication")
    assert any(m.experiencer is Experiencer.SELF for m in found), text


# round 26, #57: a condition in that question got the medicines text ("I can't tell you whether vitiligo can
# make the skin sensitive to light ... some medicines do")
@pytest.mark.parametrize("text, name", [
    ("does my psoriasis make me photosensitive?", "psoriasis"),
    ("can dermatitis make you more sensitive to light?", "dermatitis"),
])
def test_a_condition_asked_about_gets_the_condition_answer(text, name):
    answer = light_sensitivity_answer(text)
    assert answer and name in answer and "lupus" in answer and "medicines" not in answer


def test_a_medicine_asked_about_keeps_the_medicine_answer():
    answer = light_sensitivity_answer("does ramipril make skin sensitive to light?")
    assert "does not cover medicines" in answer
    assert "one of the medicines" in light_sensitivity_answer("can isotretinoin make me sensitive to light?")


def test_a_condition_of_the_photosensitivity_rule_is_left_to_the_rule():
    assert light_sensitivity_answer("does porphyria make people light sensitive?") is None


# round 26, #39: "The stents is metal inside the heart. It is like pacemaker, dangerous?" compares, and got
# the pacemaker's "should not use"
@pytest.mark.parametrize("text", [
    "my stent is metal. is that the same as a pacemaker?",
    "they put two stents in last year, it's kind of like a pacemaker right?",
    "is a knee replacement similar to an insulin pump for this?",
])
def test_a_comparison_with_a_device_names_no_device(text):
    assert not any(m.experiencer is Experiencer.SELF for m in _own(text, "implanted_device")), text


def test_a_device_of_ones_own_beside_a_comparison_still_counts():
    assert _own("is it like a defibrillator? because i have a defibrillator", "implanted_device")


# round 26, #5: "no skin problem. TENDON maybe rupture. i go doctor first?": the short statement after the
# answer belongs to the question after it, and the answer's "OK. You can ask ..." is dropped once a part is
# answered
@pytest.mark.parametrize("text, parts", [
    ("no rash. knee very swollen. i see doctor?", ["no rash.", "knee very swollen. i see doctor?"]),
    ("how long is a session? 10 min?", ["how long is a session? 10 min?"]),
])
def test_a_short_statement_after_an_answer_goes_with_the_question_after_it(text, parts):
    assert split_questions(text) == parts


def _flush(texts):
    inner = CollectingOutputChannel()
    channel = PartsOutputChannel(inner)

    async def run():
        for text in texts:
            await channel.send_response("user", {"text": text})
        await channel.flush()

    asyncio.run(run())
    return [m["text"] for m in inner.messages]


def test_filler_replies_are_dropped_when_another_part_was_answered():
    notice = "Please note: I am an automated information assistant. What I say is general information."
    sent = _flush([notice, "OK. You can ask what the pads can do, what they can't do ...",
                   "Thanks for telling me. What would you like to know about red-light therapy pads?",
                   "Yes, see a doctor first."])
    assert sent == [notice, "Yes, see a doctor first."]


def test_filler_replies_stay_when_nothing_else_was_answered():
    notice = "Please note: I am an automated information assistant. What I say is general information."
    sorry = "Sorry, I didn't quite understand that."
    sent = _flush([notice, sorry, sorry])
    assert sent == [notice, "Sorry, I didn't quite understand that."]


# --- round 27 ---------------------------------------------------------------------------------------------
from tests.test_actions import form_turn, slot_events  # noqa: E402  (the screening form driven as in a turn)


# #22: "yes he has a pacemaker" to the skin-infection question recorded an acute skin infection
@pytest.mark.parametrize("text, requested", [
    ("yes i have an insulin pump", "screen_skin_infection_or_eczema"),
    ("yes, i'm on doxycycline", "screen_open_wound"),
])
def test_a_yes_that_names_another_questions_condition_records_nothing(text, requested):
    dispatcher, events = form_turn(text, requested)
    assert slot_events(events).get(requested) is None
    assert any("your yes doesn't count" in (m.get("text") or "") for m in dispatcher.messages)


@pytest.mark.parametrize("text, requested", [
    ("yes, and i also have an insulin pump", "screen_skin_infection_or_eczema"),
    ("yes, an infected cut on my arm", "screen_open_wound"),
])
def test_a_yes_to_the_question_itself_still_counts(text, requested):
    _, events = form_turn(text, requested)
    assert slot_events(events).get(requested) == "yes"


# #21: "no to all the rest of the questions too" was one no, then the check went on question by question
@pytest.mark.parametrize("text", [
    "no to all the remaining ones",
    "the rest are all no",
    "none of the rest apply, no",
])
def test_no_to_all_the_rest_answers_every_later_question(text):
    dispatcher, events = form_turn(text, "screen_photosensitivity", intent="deny", screen_pregnancy="no",
                                   screen_skin_infection_or_eczema="no", screen_open_wound="yes")
    values = slot_events(events)
    later = ["screen_photosensitivity", "screen_implanted_device", "screen_other_condition"]
    assert all(values.get(slot) == "no" for slot in later), values
    assert "screen_open_wound" not in values  # an earlier answer stays
    assert "I've noted no for these" in dispatcher.messages[0]["text"]


def test_no_to_all_the_rest_keeps_a_condition_named_during_the_check():
    _, events = form_turn("no to all the rest", "screen_photosensitivity", intent="deny",
                          screening_mentioned=["pacemaker"])
    values = slot_events(events)
    assert values.get("screen_seizures") == "no" and "screen_implanted_device" not in values


def test_no_to_all_the_rest_with_a_condition_in_it_is_not_taken_for_everything():
    _, events = form_turn("no to all the rest, but i do have epilepsy", "screen_photosensitivity",
                          intent="deny")
    assert slot_events(events).get("screen_other_condition") is None


# #19, #37, round 26 #4, #32: a plan to see a doctor got "OK. You can ask ...", "Sorry, I can only help ..."
@pytest.mark.parametrize("text, plan", [
    ("Thanks love, I'll show the rash to my GP on Friday.", True),
    ("ok I'll ring the dermatologist's office tomorrow morning. thanks", True),
    ("never mind, I'll book an appointment with my doctor", True),
    ("i'll mention the numbness to my diabetes nurse", True),
    ("I'll see if the pad helps first", False),
    ("i'll ask my doctor whether my lupus is a problem?", False),
])
def test_a_plan_to_ask_a_doctor_is_recognised(text, plan):
    from components.safety_policy import _PLAN_TO_ASK, _closing_norm

    assert bool(_PLAN_TO_ASK.search(_closing_norm(text))) is plan


@pytest.mark.parametrize("text", ["right, thanks a lot, bye!", "fair enough. thanks, bye"])
def test_thanks_and_bye_after_a_nod_closes_the_chat(text):
    from components.safety_policy import _closes_chat

    assert _closes_chat("thank", text)


# #36, #38, #15: side effects, the source, sponsors and prescriptions got other answers
@pytest.mark.parametrize("text, intent, topic", [
    ("are there any side effects?", "nlu_fallback", "side_effects"),
    ("where do you get your information from?", "ask_evidence", "about_source"),
    ("is this chat paid by a pad maker?", "bot_challenge", "who_runs"),
    ("is a prescription needed for these?", "ask_purchase", "regulation"),
])
def test_topics_hidden_by_another_guess_are_answered(text, intent, topic):
    from padsafety.conversation import beyond_source_topic
    from padsafety.intent_hints import topic_intent

    assert topic_intent(text, intent, 0.95) == "ask_not_in_source"
    assert beyond_source_topic(text).id == topic


@pytest.mark.parametrize("text, intent", [
    ("what are the side effects for pregnant women?", "ask_avoid_pregnancy"),
    ("which brand would you recommend?", "ask_purchase"),
])
def test_a_specific_question_keeps_its_answer(text, intent):
    from padsafety.intent_hints import topic_intent

    assert topic_intent(text, intent, 0.95) is None


@pytest.mark.parametrize("text, intent, hinted", [
    ("any safety tips before I start?", "ask_who_should_avoid", "ask_usage_safety"),
    ("will it work after a single session?", "nlu_fallback", "ask_limitation_variability"),
    ("does the thickness of my skin change anything?", "ask_limitation_anti_aging",
     "ask_limitation_variability"),
    ("it's the arthritis, not the pad. so no pad?", "report_red_flag", "ask_followup"),
])
def test_hints_for_usage_speed_and_no_pad_questions(text, intent, hinted):
    from padsafety.intent_hints import hinted_intent

    assert hinted_intent(text, intent, 0.8) == hinted


def test_no_pad_is_a_question_about_the_verdict():
    from padsafety.conversation import FollowUp, followup_kind

    assert followup_kind("pad or no pad while the knee is like this?") is FollowUp.STATUS


# #24: "oncologist said it's fine. So would it help the stiffness?" got only "follow your doctor's advice"
@pytest.mark.parametrize("text, response", [
    ("my GP is fine with it. would it help my stiff knees?", "utter_benefit_muscle_joint"),
    ("doctor says ok, will it help circulation in my feet?", "utter_benefit_circulation"),
    ("my doctor said it's fine", None),
])
def test_a_benefit_asked_beside_a_doctors_ok(text, response):
    from actions.conversation import _benefit_asked

    assert _benefit_asked(text) == response


# #26: "sun rash, GP called it polymorphic light eruption, not sure if that counts" was "I don't know"
@pytest.mark.parametrize("text, value", [
    ("my dermatologist diagnosed lupus, not sure if that counts here", "yes"),
    ("the GP called it a sun allergy, does that count?", "yes"),
    ("i burn really quickly in the sun, not sure if that counts", "unknown"),
    ("maybe lupus, they said it's possible, not sure if that counts", "unknown"),
])
def test_a_diagnosis_with_a_doubt_whether_it_counts(text, value):
    _, events = form_turn(text, "screen_photosensitivity", intent="dont_know")
    assert slot_events(events).get("screen_photosensitivity") == value


# round 27 #20, #5, #12, #31, #22, round 26 #5: context read in new wordings
@pytest.mark.parametrize("text, rule", [
    ("none of the staff has a skin infection, what can I advertise?", "skin_infection_or_eczema"),
    ("nobody here is pregnant, it's for the clinic", "pregnancy"),
    ("his graze is not open any more, it has a scab", "open_wound"),
    ("the cut has closed up now", "open_wound"),
])
def test_denied_or_closed_is_not_a_mention(text, rule):
    assert not _own(text, rule), text


@pytest.mark.parametrize("text, rule", [
    ("is the epilepsy warning based on studies?", "seizures"),
    ("what's behind the lupus rule, evidence or caution?", "photosensitivity"),
])
def test_a_question_about_a_rule_is_general(text, rule):
    assert not any(m.experiencer is Experiencer.SELF for m in _own(text, rule)), text


def test_a_rule_scope_question_names_no_pregnancy():
    assert not _own("is the belly warning just for pregnancy, or also after a c-section?", "pregnancy")


@pytest.mark.parametrize("text", ["shoulder tendon maybe torn, what now?", "achilles probably ruptured"])
def test_a_torn_tendon_in_any_word_order_is_an_injury(text):
    assert _own(text, "other_condition"), text


def test_a_filler_you_asks_nothing():
    found = _own("my husband has, how do you say, the pacemaker. ok for him?", "implanted_device")
    assert found and not any(m.experiencer is Experiencer.GENERAL for m in found)


# development round 13, answers in the check: a laugh first, metal that is not electronic, a doubtful healing
@pytest.mark.parametrize("text, requested, value", [
    ("ha, no. I'm 70", "screen_pregnancy", "no"),
    ("a metal knee, but nothing electronic", "screen_implanted_device", "no"),
    ("a graze on my arm, not sure it has fully healed", "screen_open_wound", "unknown"),
])
def test_development_round13_answers_in_the_check(text, requested, value):
    _, events = form_turn(text, requested, intent="dont_know")
    assert slot_events(events).get(requested) == value


# #16: plain "eczema" got the acute-eczema "do not use" with no way out, and "not a flare-up, just dry calm
# patches" did not change it
def _assess(text):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.actions import ActionAssessCondition

    latest = {"text": text, "intent": {"name": "mention_condition", "confidence": 1.0}, "entities": []}
    tracker = Tracker(sender_id="round27", slots={}, latest_message=latest, events=[], paused=False,
                      followup_action=None, active_loop={}, latest_action_name="action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAssessCondition().run(dispatcher, tracker, {}))
    return " ".join(m.get("text") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("text, asked", [
    ("I've got eczema on my hands, would the pad calm it down?", True),
    ("my eczema is flaring badly on my neck", False),
])
def test_plain_eczema_is_asked_whether_it_is_a_flare_up(text, asked):
    assert ("If yours is calm at the moment" in _assess(text)) is asked


@pytest.mark.parametrize("text", ["it's not a flare-up, the skin is just dry", "they're calm at the moment"])
def test_calm_told_without_naming_the_eczema_takes_it_back(text):
    from padsafety.conversation import taken_back_conditions

    assert taken_back_conditions(recognise(text), text) == {"eczema"}


# #32: "who do I ask, Dexcom or my diabetes nurse?" about an insulin pump got "your cardiologist or the
# pacemaker clinic"
@pytest.mark.parametrize("text, conditions, team", [
    ("so who do i check with, the pump company or my nurse?", ["insulin pump"], "diabetes team"),
    ("who should he ask?", ["pacemaker"], "cardiologist"),
])
def test_whom_to_ask_about_a_device_depends_on_the_device(text, conditions, team):
    from padsafety.conversation import who_to_ask_answer

    assert team in who_to_ask_answer(["implanted_device"], False, text, conditions)


# --- round 28 (docs/user-study/2026-12-06-round28) --------------------------------------------------------
# #2: "just ibuprofen sometimes" at the medicines question got "please answer yes, no or I don't know"
@pytest.mark.parametrize("text", [
    "only paracetamol now and then", "is aspirin one of those?",
    "i use cetirizine for hay fever, does that count?",
])
def test_a_medicine_named_at_the_medicines_question_gets_its_answer(text):
    dispatcher, events = form_turn(text, "screen_photosensitising_medication", intent="dont_know")
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "pharmacist" in said and "answer yes, no" in said, said
    assert slot_events(events).get("screen_photosensitising_medication") is None


# #29: a negative test after a late period took the pregnancy back with no word on early tests
def test_a_negative_test_in_the_check_says_an_early_test_can_miss_it():
    dispatcher, events = form_turn("did a pregnancy test this morning, it was negative, so not pregnant",
                                   "screen_open_wound", intent="deny", screen_pregnancy="unknown")
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert slot_events(events).get("screen_pregnancy") == "no" and "can miss an early pregnancy" in said


# #32, #16, #11: repairing the pad, an ice bath, fire
@pytest.mark.parametrize("text, topic", [
    ("can i open it up and fix the loose wire?", "self_repair"),
    ("is it ok after a cold plunge?", "after_cold"),
    ("could it start a fire if i leave it on the sofa?", "fire_safety"),
])
def test_device_and_cold_topics(text, topic):
    from padsafety.conversation import beyond_source_topic

    assert beyond_source_topic(text).id == topic


# #10, #35: "it's not sudden, it's been getting worse for weeks" after emergency advice: no emergency again
@pytest.mark.parametrize("text, over", [
    ("no it's not sudden, it has been like this for months", True),
    ("it happens every winter", True),
    ("he's still not breathing properly", False),
])
def test_an_emergency_told_as_long_standing_is_over(text, over):
    from components.safety_policy import _LONG_STANDING

    assert bool(_LONG_STANDING.search(text)) is over


# #33: "my GP ... said I could try the pad alongside the exercises" was not heard as the doctor's OK
def test_a_doctor_who_said_to_try_it_approved_it():
    from padsafety.conversation import doctor_approved

    assert doctor_approved("the physio and my doctor both said I could try it for a few weeks")


# #33: "it feels a bit better. Should I keep going?" about tennis elbow got "Yes, stop ... today if spreading"
def test_an_easing_strain_is_no_reason_to_stop():
    from padsafety.conversation import symptom_stop

    text = "my golfer's elbow has eased a lot over the weeks, should I keep going with the pad?"
    assert symptom_stop([text], asked=text) is None


def test_keep_going_with_an_inflamed_joint_is_answered_no():
    from padsafety.conversation import symptom_stop

    text = "my knee is hot, red and swollen now, should I keep using the pad on it?"
    assert symptom_stop([text], asked=text).startswith("No, stop")


# #13: "and a human??" after asking for one got "I'm a bot"
def test_and_a_human_is_a_request_for_one():
    from padsafety.intent_hints import hinted_intent

    assert hinted_intent("what about a real person?", "bot_challenge", 0.9) == "request_human"


# #10, #35: weeks of worsening weakness and fingers that go white then blue in the cold got "call 112/911 now"
@pytest.mark.parametrize("text", [
    "my knee has been giving way for months and now i can't lift my leg properly",
    "my toes turn white and then purple when it's cold outside",
])
def test_long_standing_or_cold_triggered_signs_are_no_emergency(text):
    found = recognise(text)
    assert not found.red_flags and found.decision.value in ("referral", "none"), text


@pytest.mark.parametrize("text", [
    "all of a sudden i can't lift my arm and my speech is slurred",
    "her lips have gone blue and she is struggling to breathe",
])
def test_sudden_signs_stay_emergencies(text):
    assert recognise(text).red_flags, text


# #19: "is it ok to do it while she's asleep?" (a grandmother with dementia) got the usage text
def test_using_it_on_someone_asleep_is_the_sleep_topic():
    from padsafety.conversation import beyond_source_topic

    topic = beyond_source_topic("can i leave it on his back while he's asleep?")
    assert topic.id == "sleep_on_pad" and "someone who is asleep" in topic.answer


# development round 14, answers in the check: "I don't know yet" with a detail, "the same thing?", unconfirmed
@pytest.mark.parametrize("text, requested", [
    ("still waiting for the scan results, so i don't know yet", "screen_cancer_in_area"),
    ("my toes go numb sometimes, is that the same thing?", "screen_reduced_sensation"),
    ("I think so, the optician mentioned my eye pressure but nothing confirmed", "screen_other_condition"),
])
def test_development_round14_unsure_answers(text, requested):
    _, events = form_turn(text, requested, intent="dont_know")
    assert slot_events(events).get(requested) == "unknown"


# --- round 29 (docs/user-study/2026-12-06-round29) --------------------------------------------------------
@pytest.mark.parametrize("text, answer", [
    ("he's 75, obviously not", "no"),
    ("i'll say yes then, just to be safe", "yes"),
    ("let's go with i don't know", "unknown"),
])
def test_round29_free_text_answers(text, answer):
    from padsafety.answers import parse_answer

    assert parse_answer(text).value == answer


@pytest.mark.parametrize("text", [
    "Got a physio appointment on monday, I'll ask him",
    "I've put cold water on it. I'll pop into the chemist later today",
    "ok merci, i go to the dermatologist next week",
])
def test_round29_plans_to_see_someone(text):
    from components.safety_policy import _PLAN_TO_ASK, _closing_norm

    assert _PLAN_TO_ASK.search(_closing_norm(text)), text


def test_round29_it_is_not_a_device_it_is_metal_takes_the_device_back():
    from padsafety.conversation import taken_back_conditions

    text = "it's not an insulin pump, it's just a metal rod in my leg"
    assert "insulin pump" in taken_back_conditions(recognise(text), text)
