"""User study round 47 (docs/user-study/2026-12-07-round47/) and round 46's leftovers: the causes fixed the
same session, tested without Rasa servers (the conversations are in tests/scenarios/real_users_dev39.yml and
real_users_dev40.yml, ids d47- and d48-, which the end-to-end suite plays over REST). New wordings beside the
study's."""

import pytest

from components.safety_policy import _NOT_A_KID, _SET_ASIDE, _WILL_DO
from padsafety.conversation import (
    FollowUp,
    asks_about_question,
    beyond_source_topic,
    denies_any_condition,
    disputes_a_condition,
    followup_kind,
    is_pause,
    only_over,
)
from padsafety.intent_hints import ANIMAL, hinted_intent, needs_cue, topic_intent
from padsafety.messages import contact_reply
from padsafety.recognition import Decision, recognise


# round 46, #28: "hang about, someone's at the door, give us a minute" in the check was read as a question
# about light sensitivity; a pause gets "take your time" and the same question
@pytest.mark.parametrize("text, pause", [
    ("hang about, someone's at the door, give us a minute", True),
    ("brb", True),
    ("one sec", True),
    ("back in 5 mins, baby's crying", True),
    ("gimme a sec, checking my meds", True),
    ("hold on, I said no", False),  # a correction, not a pause
    ("wait a sec, what is porphyria?", False),  # a question about the question
    ("no", False),
])
def test_a_pause_is_told_from_an_answer_or_a_question(text, pause):
    assert is_pause(text) is pause


def test_a_pause_is_no_red_flag_or_question():
    assert hinted_intent("someone's at the door, give us a minute", "ask_avoid_photosensitivity", 0.58) == (
        "out_of_scope"
    )
    # a pause that tells a condition stays with the classifier and the recogniser
    assert hinted_intent("one sec, I'm pregnant by the way", "mention_condition", 0.9) != "out_of_scope"


# round 46, #21: "why do you keep saying I have a medical condition? I don't." got the privacy text
@pytest.mark.parametrize("text, denies, disputes", [
    ("why do you keep saying I have a medical condition? I don't.", True, True),
    ("why do you think I've got a health problem??", True, True),
    ("I don't have any health problems, just a stiff back from my desk", True, False),
    ("I don't have a medical condition, I'm pregnant", False, False),  # pregnancy told: nothing denied
    ("I have no medical conditions but I have eczema", False, False),
    ("what medical conditions stop me using it?", False, False),
])
def test_denying_any_condition(text, denies, disputes):
    assert denies_any_condition(text) is denies
    assert disputes_a_condition(text) is (disputes and denies)


# round 47, #66, #62, #41: deletion only with a word of deleting or of data; "bin the lot"; a polite request
# wins over the condition it names
def test_a_deletion_guess_needs_a_word_of_deleting():
    assert needs_cue("request_forget", "All these red light things wey dem dey advertise for Instagram, "
                     "say e dey cure everything. Na lie abi?")
    assert not needs_cue("request_forget", "forget me")
    assert not needs_cue("request_forget", "can you get rid of everything I said")


@pytest.mark.parametrize("text, intent, confidence", [
    ("Right, bin the lot then", "nlu_fallback", 0.25),
    ("ok scrap it all", "affirm", 0.4),
    ("I have shared my pregnancy details above in another chat. Kindly remove all my information from your "
     "system", "mention_condition", 0.99),
    ("please delete my data, I told you about my pacemaker", "mention_condition", 0.95),
])
def test_deletion_cues(text, intent, confidence):
    assert hinted_intent(text, intent, confidence) == "request_forget"


# round 47, #3, #26: "how lang dae ye need tae use it afore it works?" and "works?" were not understood
@pytest.mark.parametrize("text", [
    "aye the muscles wan. how lang dae ye need tae use it afore it works?",
    "how long till you see results?",
    "works?",
    "does it even work?",
])
def test_how_soon_it_works(text):
    assert hinted_intent(text, "nlu_fallback", 0.25) == "ask_limitation_variability"


# round 47, #47: a baby's colic was read as the mother's pregnancy
@pytest.mark.parametrize("text, intent", [
    ("Mi baby got colic bad, crying every night. A friend say put the red light pad on she belly. It safe?",
     "ask_avoid_children"),
    ("can I put it on my newborn's back for a few minutes?", "ask_avoid_children"),
    ("I'm pregnant, can I put it on my belly for the baby?", None),  # the pregnancy question stays
])
def test_a_baby_is_a_child(text, intent):
    assert hinted_intent(text, "ask_avoid_pregnancy", 0.97) == intent


# round 47, #53: "Me kelpie's got arthritis in her back legs" got the arthritis verdict for the user
@pytest.mark.parametrize("text, animal", [
    ("Me kelpie's got arthritis in her back legs, poor old girl", True),
    ("our jack russell is limping", True),
    ("I've got a boxer's fracture in my hand", False),
])
def test_dog_breeds_are_animals(text, animal):
    assert bool(ANIMAL.search(text)) is animal


# #26: "ok. side effects?" got the who-should-avoid list; in a message of a few words, the topic decides
@pytest.mark.parametrize("text", ["ok. side effects?", "goggles?", "does it get hot?"])
def test_a_topic_word_decides_a_short_message(text):
    assert topic_intent(text, "ask_who_should_avoid", 0.9) == "ask_not_in_source"


def test_a_longer_message_keeps_a_sure_guess():
    assert topic_intent("any side effects for kids who use it?", "ask_avoid_children", 0.9) is None


# #7, #65, #22, #31, #39, #52: the topic words that misled, and the ones that were missing
@pytest.mark.parametrize("text, topic", [
    ('I\'m seeing ads claiming red light pads "melt inches off your waist in 10 minutes". Science?', None),
    ("how many minutes per session?", "session_length"),
    ("and the calves? they cramp up at night too", None),
    ("I get period cramps, would it help?", "pain_conditions"),
    ("thanks. and you won't keep anything from now on?", "privacy"),
    ("her feet have become numb, she cannot feel hot water properly. Can it improve blood flow?", None),
    ("does the pad get hot?", "heat"),
    ("My cheeks go bright red and flushy with little bumps, GP thinks rosacea", "acne"),
    ("is the light bright red or deep red?", "light_appearance"),
    ("sorry, one more: can I use it while I'm on minoxidil?", "medicine_interaction"),
    ("can i use it while im on holiday", None),
])
def test_topics(text, topic):
    found = beyond_source_topic(text)
    assert (found.id if found else None) == topic


# #60: a complaint about the assistant goes to whoever runs it, not to the refunds line
@pytest.mark.parametrize("text, intent", [
    ("ok I've stopped. but I asked who I complain to about your bad advice", "request_human"),
    ("I want to report that the chatbot's advice was wrong. Is there anyone who runs this?", "request_human"),
    ("I want to complain to the seller, the pad broke", "ask_purchase"),
])
def test_complaints_about_the_bot(text, intent):
    assert hinted_intent(text, "ask_purchase", 0.9) == intent


def test_the_complaint_reply_says_sorry_and_who_runs_it():
    reply = contact_reply(False, "", text="who do I complain to about your bad advice?")
    assert "sorry" in reply.lower() and "run this service" in reply
    assert "prices" not in reply


# #48: "What would I realistically use one for at home?" started the safety check
def test_what_people_use_it_for_is_the_benefits():
    assert hinted_intent("ok, you've half convinced me. What would I realistically use one for at home?",
                         "request_screening", 0.83) == "ask_benefits"


# #50: "My grandma 82 her knee pain, can she use red light pad?" got the wound answer
def test_the_wound_answer_needs_a_word_of_a_wound():
    text = "My grandma 82 her knee pain, can she use red light pad? She also got high blood pressure"
    assert needs_cue("ask_benefit_wound_healing", text)
    assert hinted_intent(text, "ask_limitation_chronic_disease", 0.29) == "ask_benefit_muscle_joint"
    assert not needs_cue("ask_benefit_wound_healing", "will it help my scar fade?")


def test_a_scam_said_by_the_head_is_the_evidence_question():
    assert hinted_intent("I'm getting cold feet about buying one, my head says it's a scam",
                         "ask_usage_safety", 0.29) == "ask_evidence"


# #41: a complaint that also asks for deletion is the deletion
def test_deletion_wins_over_the_misread_apology():
    assert hinted_intent("I did not ask about using pad. I want my data deleted please", "request_forget",
                         0.7) == "request_forget"
    assert hinted_intent("I did not ask about wrinkles, I asked about my pills", "ask_limitation_anti_aging",
                         0.7) == "ask_followup"


# round 46, #23: "im not a kid lol im 15" after the children's referral; round 47, #24: "forget the pacemaker
# for a sec"; #10: "ok so ask her diabetes team or the pump company. will do"
@pytest.mark.parametrize("text, protest", [
    ("im not a kid lol im 15. and my dad uses it all the time so its fine right?", True),
    ("I'm not a child, I'm sixteen", True),
    ("he's not a baby anymore, he's 12", True),
    ("I'm 15 weeks pregnant", False),
    ("is it ok for a kid?", False),
])
def test_a_teenager_protesting_the_childs_rule(text, protest):
    assert bool(_NOT_A_KID.search(text)) is protest


@pytest.mark.parametrize("text, aside", [
    ("I mean is being old a problem on its own, forget the pacemaker for a sec", True),
    ("leaving aside my diabetes, would it help my back?", True),
    ("I have a pacemaker, can I use it?", False),
])
def test_a_condition_set_aside(text, aside):
    assert bool(_SET_ASIDE.search(text)) is aside


@pytest.mark.parametrize("text, closing", [
    ("ok so ask her diabetes team or the pump company. will do", True),
    ("will do, thanks", True),
    ("so ask her doctor?", False),
])
def test_a_plan_echoed_then_will_do(text, closing):
    assert bool(_WILL_DO.search(text.lower())) is closing


# #15, #67: "Wah dat mean, acute eczema?" and "Porphyria? Whit's that when it's at hame?" were recorded as yes
@pytest.mark.parametrize("text, asks", [
    ("Wah dat mean, acute eczema? Mi skin dry sometime", True),
    ("Porphyria? Whit's that when it's at hame?", True),
    ("porphyria? wetin be dat?", True),
    ("no", False),
    ("aye, I've got eczema on ma hands", False),
])
def test_dialect_questions_about_the_question(text, asks):
    assert asks_about_question(text, "Do you have photosensitivity, for example lupus or porphyria?") is asks


# #5: "Mih foot not numb, I could feel dem good. So I could use it then?" after a verdict: read as "I don't
# know"
@pytest.mark.parametrize("text", [
    "Mih foot not numb, I could feel dem good. So I could use it then?",
    "ok the pump's off now. so she can use it then?",
])
def test_so_i_could_use_it_then_asks_for_the_status(text):
    assert hinted_intent(text, "dont_know", 0.82) == "ask_followup"
    assert followup_kind(text) is FollowUp.STATUS


# #30: "it is scabbing now, no pus" got "What's over (skin infection)" instead of the answer about the graze
def test_a_denied_sign_is_nothing_over():
    assert only_over("I scraped my elbow two days ago, it is scabbing now, no pus. Can the pad help?") == []
    assert only_over("had my baby 2 years ago, not breastfeeding anymore") != []


# found by development round 29's helper: a cancer told as "fully healed now" was read as over (no referral),
# while "all clear now" was history the rule counts; a result that ruled a cancer out stays nothing
@pytest.mark.parametrize("text, referred", [
    ("had cancer last year, fully healed now", True),
    ("had skin cancer on my arm last year, fully healed now", True),
    ("breast cancer in 2018, all clear now", True),
    ("the lump turned out to be benign", False),
    ("my biopsy came back clear", False),
    ("had a cold sore last year, fully healed now", False),
])
def test_a_cancer_over_stays_history(text, referred):
    assert (recognise(text).decision is Decision.REFERRAL) is referred
