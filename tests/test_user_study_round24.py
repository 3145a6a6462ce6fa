"""User study round 24 (docs/user-study/2026-12-06-round24): each finding's cause, tested without Rasa
servers (the conversations themselves are in tests/scenarios/real_users_dev24.yml). New wordings, not the
transcripts'."""

import pytest

from padsafety.conversation import (
    KEEP_OR_STOP,
    approved_other_thing,
    asks_after_it_ends,
    status_answer,
    stop_topic,
    taken_back_conditions,
)
from padsafety.intent_hints import hinted_intent
from padsafety.recognition import Experiencer, recognise


# #16: a doctor's OK for heat, a sauna or a heating pad is no OK for red light
@pytest.mark.parametrize("text, thing", [
    ("my rheumatologist said its fine to use heat", "heat"),
    ("gp says a heating pad is ok for my back", "a heating pad"),
    ("the doctor said it's ok to use a hot water bottle", "a hot water bottle"),
    ("my doctor said its fine, go ahead with the pad", None),
])
def test_an_ok_for_heat_is_about_heat(text, thing):
    found = approved_other_thing(text)
    assert found == thing or (thing is None and found in (None, "the pad"))


def test_so_i_can_use_it_then_asks_about_the_verdict():
    from components.safety_policy import _STATUS_CUE

    texts = ("so i can use the red light pad then, yeah?", "then she can use it?", "i can use it now then")
    for text in texts:
        assert _STATUS_CUE.search(text), text
    assert not _STATUS_CUE.search("i can use it on my back, right? for how long")


# #6, #9, #10, #23, #35: a question about later is about later, for a wound, a flare or a medicine
@pytest.mark.parametrize("text, rules", [
    ("and if the graze heals over, can i use it then?", ["open_wound"]),
    ("when the flare settles can i try it on my face", ["skin_infection_or_eczema"]),
    ("once it's all closed up, fine?", ["open_wound", "other_condition"]),
    ("what if i come off the isotretinoin, how long till i can use it", ["photosensitising_medication"]),
])
def test_questions_about_later(text, rules):
    assert asks_after_it_ends(text, rules)
    assert taken_back_conditions(recognise(text), text) == set()


def test_it_has_healed_now_is_no_question_about_later():
    assert not asks_after_it_ends("it's fully healed now", ["open_wound"])


def test_the_answer_about_later_keeps_the_rest():
    answer = status_answer(
        None, "do_not_use", ["open_wound", "other_condition"], "and when the cut has healed, can i use it?"
    )
    assert "no longer applies" in answer and "Until then" in answer and "The rest still holds" in answer
    medicine = status_answer(None, "ask_doctor", ["photosensitising_medication"], "after stopping the doxy?")
    assert "pharmacist" in medicine


# #17: "keep using it or stop?" after a reaction to the pad: stop for now
@pytest.mark.parametrize("text", ["should i keep using it or stop?", "carry on with it tomorrow?", "stop??"])
def test_keep_or_stop_after_a_reaction(text):
    assert KEEP_OR_STOP.search(text)
    answer = stop_topic(["my skin went a bit pink and stings after the session"])
    assert answer is not None and answer.startswith("Stop using the pad for now")
    assert stop_topic(["does it help wrinkles"]) is None


# #21: small talk is out of scope, never a paragraph about light
@pytest.mark.parametrize("text, wanted", [
    ("do you like football?", "out_of_scope"),
    ("hows the weather over there", "out_of_scope"),
    ("do you like the pad yourself?", None),
])
def test_small_talk_is_out_of_scope(text, wanted):
    assert hinted_intent(text, "ask_how_it_works", 0.6) == wanted


# closing: "thats all", "that's it for now"
@pytest.mark.parametrize("text, closes", [("thats all", True), ("ok that's it for now, thanks", True),
                                          ("that's it?", False)])
def test_thats_all_closes_the_chat(text, closes):
    from components.safety_policy import _closes_chat

    assert _closes_chat("nlu_fallback", text) is closes


# #26: "after pregnancy", "post-pregnancy" is the time after it, never the pregnancy rule
@pytest.mark.parametrize("text, pregnant", [
    ("my tummy after pregnancy, will it tighten?", False),
    ("post-pregnancy back ache, can i use it", False),
    ("i'm 14 weeks pregnant", True),
])
def test_after_pregnancy_is_no_pregnancy(text, pregnant):
    assert ("pregnancy" in {m.rule_id for m in recognise(text).affirmed()}) is pregnant


# #2: what the bot said, quoted back ("why are you telling me about numb feet"), is not the user's condition
def test_a_warning_quoted_back_is_no_disclosure():
    found = recognise("why do you keep telling me about neuropathy? i never said i had it")
    assert not found.affirmed(Experiencer.SELF)


# development round 10, answers in the check: an all-clear, supplements only, "nothing diagnosed"
@pytest.mark.parametrize("text, answer", [
    ("fit as a fiddle", "no"),
    ("lol all good, nothing to declare", "no"),
    ("only multivitamins and magnesium", "no"),
    ("i tan fine, nothing diagnosed", "no"),
    ("i get a bit red in summer but nothing diagnosed", "no"),
    ("just st john's wort", None),
    ("all good?", None),
])
def test_all_clear_answers_in_the_check(text, answer):
    from padsafety.answers import parse_answer

    found = parse_answer(text)
    assert (found.value if found else None) == answer


def test_might_still_is_a_hedge():
    from padsafety.answers import hedged_detail

    assert hedged_detail("i had a thyroid thing once, might still be on the pills")


# development round 11, answers in the check
@pytest.mark.parametrize("text, answer", [
    ("zilch", "no"),
    ("just a plate in my wrist, nothing electronic", "no"),
    ("only contacts haha", "no"),
    ("i dunno, maybe", "unknown"),
    ("sorta, my ankle swells now and then", "unknown"),
])
def test_more_answers_in_the_check(text, answer):
    from padsafety.answers import parse_answer

    found = parse_answer(text)
    assert (found.value if found else None) == answer


def test_an_exception_before_no_is_a_yes():
    from actions.forms import _EXCEPT

    assert _EXCEPT.match("apart from my asthma no")
    assert _EXCEPT.match("except the bp tablets, nothing")
    assert not _EXCEPT.match("no, apart from that i'm fine")
