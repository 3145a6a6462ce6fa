"""User study round 46 (docs/user-study/2026-12-07-round46/): the causes fixed the same session, tested
without Rasa servers (the conversations are in tests/scenarios/real_users_dev39.yml, ids d47-, which the
end-to-end suite plays over REST). New wordings beside the study's."""

import pytest

from padsafety.conversation import asks_for_healthy_other, people_named, person_switch, status_answer
from padsafety.intent_hints import ANIMAL, hinted_intent


# #51: "And our little lad, he's 2 and his eczema's flaring" after the wife's pregnancy: the boy's verdict
# listed "Pregnancy"; "And the wife once the baby's born?" turns back to her
@pytest.mark.parametrize("text, person", [
    ("And our little lad, he's 2 and his eczema's flaring on his cheeks - any use?", "lad"),
    ("what about our youngest girl, she has a rash", "girl"),
    ("my wee lass has a cold sore", "lass"),
    ("And the wife once the baby's born?", "wife"),
])
def test_people_named_with_our_or_a_childs_word(text, person):
    assert people_named([text]) == [person]


def test_a_child_after_the_wife_is_a_new_person():
    switch = person_switch("And our little lad, he's 2 and his eczema's flaring on his cheeks - any use?",
                           "wife", ["pregnancy"])
    assert switch == "lad"


@pytest.mark.parametrize("text", ["once the baby's born can I use it?", "the doctor says fine"])
def test_the_baby_or_the_doctor_is_nobody_named(text):
    assert people_named([text]) == []


# #6: "Thanks a million, pet." got the vet answer
@pytest.mark.parametrize("text, animal", [
    ("Right, so being old isn't on that list. Grand so. Thanks a million, pet.", False),
    ("ta, pet", False),
    ("can I use it on my pet?", True),
    ("my pet rabbit has sore legs", True),
])
def test_pet_as_a_term_of_endearment_is_no_animal(text, animal):
    assert bool(ANIMAL.search(text)) is animal


# #18: "how do I get everything I type here erased?" got "Thanks for telling me" (a red-flag guess, 0.89)
@pytest.mark.parametrize("text", [
    "Hi, before anything else, how do I get everything I type here erased? I don't want my health stuff "
    "saved anywhere.",
    "can I have my answers wiped from your system?",
    "I don't want my medical info saved, ok?",
])
def test_asking_to_have_it_erased_is_a_deletion_request(text):
    assert hinted_intent(text, "report_red_flag", 0.89) == "request_forget"


# #31: "my husband can use it on his shoulder though, he's not trying for anything" after the user's own
# pregnancy verdict got the user's reminder
def test_a_partner_who_can_use_it_after_the_users_verdict():
    text = "ok fair. my husband can use it on his shoulder though, he's not trying for anything lol"
    assert asks_for_healthy_other(text, "do_not_use", None, ["I'm 6 weeks pregnant"],
                                  ["I'm 6 weeks pregnant"])


# #33: "and me? I've got a sore Achilles" after a dog's vet answer got the pets' keep-away text
def test_the_user_after_a_pet_is_not_the_pet():
    said = status_answer("utter_pet", None, [], "ok. and me? I've got a sore Achilles from chasing after her")
    assert "pets" not in said and "vet" not in said


# #61: "my mum wants to borrow my red light pad for her menopause hot flushes" got "I can only help with
# questions about red-light therapy pads", then how warm a pad gets
@pytest.mark.parametrize("text", [
    "my mum wants to borrow my red light pad for her menopause hot flushes lol is that even a thing",
    "can my mum use it for hot flushes or nah",
    "I'm perimenopausal with night sweats, would red light help?",
])
def test_menopause_is_a_topic_the_source_does_not_cover(text):
    from padsafety.conversation import beyond_source_topic
    from padsafety.intent_hints import topic_intent

    assert beyond_source_topic(text).id == "menopause"
    assert "does not cover menopause" in beyond_source_topic(text).answer
    assert topic_intent(text, "out_of_scope", 0.7) == "ask_not_in_source"


def test_a_change_is_no_menopause():
    from padsafety.conversation import beyond_source_topic

    topic = beyond_source_topic("has there been any change in the design? does the pad get hot?")
    assert topic is None or topic.id != "menopause"


# #6, #7, #8, #13: real questions read as other intents
@pytest.mark.parametrize("text, intent, confidence, wanted", [
    ("aye but ye didnae answer me. whit's the actual worry wi weans?", "ask_limitation_variability", 0.8,
     "ask_avoid_children"),
    ("so what's the danger for the bairns exactly?", "ask_limitation_variability", 0.7, "ask_avoid_children"),
    ("ok but will it actually do anything for her crow's feet?", "ask_limitation_variability", 0.61,
     "ask_limitation_anti_aging"),
])
def test_children_and_crows_feet_cues(text, intent, confidence, wanted):
    assert hinted_intent(text, intent, confidence) == wanted


@pytest.mark.parametrize("text, intent", [
    ("Right. Last thing, who actually wrote the stuff you're quoting from?", "bot_challenge"),
    ("who's the author of that text?", "bot_challenge"),
    ("Is it dangerous for old people? That's my question.", "ask_who_should_avoid"),
    ("is it ok for the elderly?", "ask_who_should_avoid"),
])
def test_the_source_and_old_age_get_their_own_answers(text, intent):
    from padsafety.intent_hints import topic_intent

    assert topic_intent(text, intent, 0.85) == "ask_not_in_source"


def test_children_keep_the_childrens_answer():
    from padsafety.intent_hints import topic_intent

    assert topic_intent("is it safe for kids?", "ask_who_should_avoid", 0.89) is None


def test_what_the_doctor_looks_for_is_what_to_ask():
    from padsafety.conversation import asks_what_to_ask

    assert asks_what_to_ask("Numb? No, I can feel them grand. What would the doctor be looking for at all?")


# #7, #23, #57, #62: a plan to ask someone closed the chat only in some words ("OK. You can ask ...", "I can
# only help with ...", the verdict again)
@pytest.mark.parametrize("text", [
    "och never mind, I'll ask the GP. ta",
    "ugh fine ill get my mom to ask the doctor",
    "forget it, I'll ask my PT.",
    "right, I'll ask at my wound check on Friday then",
    "aye, I'll ring the surgery tomorrow",
])
def test_a_plan_to_ask_someone_closes_the_chat(text):
    from components.safety_policy import _closes_chat

    assert _closes_chat("out_of_scope", text)


@pytest.mark.parametrize("text", ["I'll ask my GP, but can I use it meanwhile?", "ugh, why can't I use it?"])
def test_a_question_is_no_closing(text):
    from components.safety_policy import _closes_chat

    assert not _closes_chat("out_of_scope", text)


# #69: "I take St John's wort for my mood ... is the pad ok with that?" got the mood answer twice
def test_a_medicine_taken_for_mood_is_about_the_medicine():
    from padsafety.intent_hints import topic_intent

    text = ("I take St John's wort for my mood, got it from the health food shop. Is the red light pad ok "
            "for my shoulders with that?")
    assert topic_intent(text, "mention_condition", 0.8) is None
    low = "I've been feeling low all winter, would red light lift my mood?"
    assert topic_intent(low, "mention_condition", 0.8) == "ask_not_in_source"


# #26: "this porphyria is what ah? first time I hear" was recorded as a yes: a question about the question
@pytest.mark.parametrize("text", ["this porphyria is what ah? first time I hear", "porphyria, what's that?",
                                  "lupus is what?"])
def test_what_a_word_is_asks_about_the_question(text):
    from padsafety.conversation import asks_about_question

    assert asks_about_question(text, "Are you sensitive to light (photosensitivity), or do you have lupus or "
                                     "porphyria?")
