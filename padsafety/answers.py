"""Reading a free-text answer to a yes/no screening question, deterministically.

The intent classifier maps "sounds good" to `affirm` with high confidence, which recorded a "yes" to
"Are you pregnant?". In the safety check only an explicit answer counts: a leading yes/no word or a
known hedge. Anything else is not an answer (the question is asked again), and the recogniser decides
whether the message names the condition asked about.
"""

from __future__ import annotations

import re
from typing import Optional

from padsafety.recognition import recognise
from padsafety.rules import Answer, normalise_answer

# "ah ok, then no", "right, in that case no" (after the question was explained); "haha no, im 72" (a laugh
# first: user study round 6, #05)
_FILLER = (
    r"^(?:(?:well|um+|uh+|erm+|hmm+|ok(?:ay)?|so|honestly|actually|oh|ah|hm|right|i see|got it|then|"
    r"in that case|thanks|thank you|sorry|oops|ha(?:ha)+|haha+|hah|ha|lol|lmao|hehe+|heh|"
    # "i guess no then, its healing fine", "I suppose yes then", "and no to this one" (user study round 21,
    # #4: refused)
    r"and|i guess|i suppose|i reckon|i'?d say|guess|"
    # "Lord no, I'm 74", "god no", "heavens no" (user study round 41, #3: refused)
    r"(?:good |oh |dear |oh my )?(?:lord|god|gosh|heavens?|goodness|golly|hell|jeez|geez|blimey|crikey)|"
    # the question's word echoed first: "pregnant? def not lol" (development round 18)
    r"[a-z]+\?)[\s,.!]+)*"
)
_END = r"(?![a-z'])"

_UNKNOWN = re.compile(
    _FILLER + r"(?:not sure|unsure|maybe|perhaps|possibly|might be|could be|i think so|i guess so|"
    r"i believe so|probably|not certain|no idea|no clue|dunno|i dunno|idk|i don'?t know|i do not know|"
    r"dont know|"
    # "sort of? my knee swells up sometimes" (development round 11)
    r"sort of|sorta|kind of|kinda|"
    r"don'?t know|hard to say|can'?t say|cannot say|not 100|who knows|i'?m not sure|i am not sure|"
    r"no sure|not really sure|no se|"
    # development round 18: "i cant tell honestly", "never found out", "we're trying so i cant say for sure"
    r"i can'?t tell|i cannot tell|hard to tell|never found out|can'?t say for sure|"
    r"(?:i )?(?:can'?t|cant|cannot|don'?t|dont) remember|"
    # "waiting on biopsy results" at the cancer question (development round 16: recorded as yes)
    r"(?:still )?waiting (?:on|for) (?:the |my |some )?(?:biopsy|test|scan|blood test|lab)?\s*"
    r"results?)" + _END
)
_NO = re.compile(
    _FILLER + r"(?:def not|deffo not|defo not|defs not|"
    r"no+|nope|nop|nah+|naw+|na|nay|not really|not at all|not that i know(?: of)?|"
    r"not as far as i(?: know|'?m aware| am aware)|not that i'?m aware(?: of)?|not that i am aware(?: of)?|"
    r"not that i remember|not to my knowledge|none|never|negative|nada|zilch|zip|zero|"
    # "not ever" at the seizures question (dev round 22: asked again)
    r"not ever|never ever|not once|not even once|"
    r"(?:i )?don'?t think so|(?:i )?dont think so|"
    r"(?:i )?do not think so|nothing|neither|i'?m not|i am not|im not|i don'?t|i dont|i do not|i haven'?t|"
    r"i havent|i have not|i never|absolutely not|definitely not|certainly not|of course not|no way|"
    # dev round 31: typed fast or in Hindi-English ("defintely not", "nahi, no tablets")
    r"defin[ai]tely not|definetly not|definatly not|defintely not|nahi+n?|nahin|nahi ji|"
    r"not me|not currently|not now|not any ?more|no longer|"
    # "not right now", "wound-wise I'm clear", "all normal" (user study round 37, #41, #13, #31: asked again
    # or read as a yes)
    r"not right now|not at the moment|not at present|not presently|"
    # the person the check is for: "she's not, no", "he's never had one" (development round 20: asked again)
    r"(?:she|he)(?:'?s| is| has)? (?:not|never)|shes not|hes not|(?:she|he) (?:doesn'?t|hasn'?t|never)|"
    r"[a-z]+[- ]?wise,? (?:i'?m|im|i am|we'?re|all|it'?s|everything'?s) (?:clear|fine|good|ok|okay|sorted)|"
    r"all normal|everything'?s normal|everything is normal|all fine|"
    # "not taking anything" at the medicines question (user study round 31, #18: asked again)
    r"not taking anything|not on anything|(?:i )?don'?t take anything|no meds|no medications?|no medicines?|"
    r"no pills|no tablets|nothing at all|"
    # "just vitamin D, nothing prescribed" (development round 17: no answer read)
    r"(?:just|only) (?:vitamin \w+|vitamins|supplements|multivitamins?|fish oil|iron|magnesium),? "
    r"(?:nothing|no) (?:prescribed|prescriptions?|on prescription)|"
    # "haha i wish" to the pregnancy question (development round 12: asked again)
    r"i wish(?=[\s.!]*(?:lol|haha|😂|🙃)?[\s.!]*$)|"
    # a non-native speaker's own language (user study round 12, #25: "nein" was asked again)
    r"nein|nee|non|nao|não|nie|nej|ne)" + _END
)
_YES = re.compile(
    _FILLER + r"(?:yes+|yeah|yea|yep|yup|ya|yah|yas|aye|y|affirmative|correct|that'?s right|true|"
    r"definitely|absolutely|certainly|of course|indeed|i'?m afraid so|afraid so|unfortunately yes|"
    r"sadly yes|yes i am|yes i do|yes i have|ja|jawohl|oui|si|sí|sim|tak|da|"
    # dev round 31: Hindi-English "haan ji, third month"
    r"haan(?: ji)?|ji haan|han ji|"
    # "no wait actually i am, sorry, 6 weeks" (development round 12: the "no" counted)
    r"(?:actually )?(?:i am|i do|i have|i was)(?=\s*[,;:!-])|"
    # "had one last month" at the seizures question (development round 18)
    r"(?:i )?(?:had|have|get) (?:one|some|a few|them)"
    # dev round 29: with where or how it came ("had one from strobe lights at a gig"); not hedged, nor a
    # childhood or fever fit told as over ("had one as a kid from a high temperature, never since")
    r"(?=\s*(?:last|this|recently|yesterday|a while|a few|a couple|\d|two|three|$|[,.!])|"
    r"\s+(?:from|at|after|during|while|once|before)\s"
    r"(?![^.!?]*\b(?:not sure|unsure|dunno|idk|don'?t know|no idea|maybe|not certain|kid|child|baby|toddler|"
    r"temperature|fever|febrile|never since|none since|not since|never again)\b)))"
    + _END
)
# "i am" / "i do" / "i have" only as the whole answer: "I am confused" is not a yes
_YES_SHORT = re.compile(r"^(?:i am|i do|i have|i'm|im|i did|i was|i take|i use|i wear)[\s.!]*$")


# A statement about oneself that says it is unsure: "theres a red patch but idk what it is", "i take some
# pills for my blood pressure, cant remember the name" (development round 7). Not a question about the
# question ("what counts as acute?", "i have a metal plate, does that count?": explained and asked again,
# forms.py): a first-person statement has to come before the hedge.
_SELF_STATEMENT = re.compile(
    r"\b(?:i|i'?m|im|i'?ve|ive|my|me|we|we'?re|our|there'?s|theres|there is|there are|got|had|have|"
    # the person a check is run for ("she takes a water pill ..., no idea if they count": user study round
    # 18, #21)
    r"she|he|she'?s|he'?s|shes|hes|they|they'?re|her|his|their|takes|has)\b"
)
_HEDGE_LATER = re.compile(
    r"\b(?:idk|i dunno|dunno|not sure|unsure|no idea|not certain|"
    r"(?:can'?t|cannot|don'?t|dont) (?:remember|know (?:which|what|if|whether))|kinda|kind of|sort of|maybe|"
    r"possibly|might be|could be|might still|may still|could still|"
    # "I burn easily in the sun if that counts" (user study round 18, #18: taken as a firm yes)
    r"if (?:that|it|this|they|those) counts?|whether (?:that|it|this) counts|no idea if|not sure if|"
    # "had fits as a baby, don't really know", "some antibiotic, forget the name" (development round 15)
    r"(?:don'?t|dont|do not) really know|(?:i )?forg[eo]t the name|can'?t recall|who knows|"
    # "cant remember the name of the tablets", "a spot ive been meaning to get checked", "i blacked out once,
    # never found out if it was a fit" (development round 18)
    r"(?:can'?t|cant|cannot|don'?t|dont) remember|"
    r"meaning to (?:get|have) (?:it |that |this )?(?:checked|looked at)|"
    r"never found out|(?:haven'?t|not) (?:had|got) (?:it|that|this) (?:checked|looked at)|"
    r"can'?t say(?: for sure)?|cannot say)\b"
)


# A sign of one's own put down to an ordinary cause: "I burn easily in summer, I'm a redhead, but no lupus
# or anything", "I burn like anyone else" (user study round 47, d48-14: recorded as a light sensitivity,
# then "do not use"). Burning easily as fair skin does is no diagnosed photosensitivity (the source names
# lupus and porphyria), so at most "I don't know"; only when nothing of the user's but the burning is
# named. (A sign told with no ordinary cause, "I burn super fast in sunlight, no lupus though", stays a
# yes: user study round 4.)
_NOT_DIAGNOSED = re.compile(
    r"\b(?:i'?m|im|i\s+am|as|being)\s+(?:a\s+)?(?:natural\s+)?(?:redhead|red\s*head|ginger|"
    r"fair[- ]?skinned|pale[- ]?skinned|very\s+fair|very\s+pale)\b|"
    r"\blike\s+(?:anyone|everyone|everybody|anybody|most\s+people|any\s+(?:redhead|ginger))(?:\s+else)?\b"
)

_BURN_SIGN = re.compile(r"burn")


def hedged_detail(text: Optional[str]) -> bool:
    """Whether a message that is no explicit answer tells something about oneself and says it is unsure
    whether that counts: "I don't know" (ask your doctor first), never a re-asked question or a no."""
    if not text or text.startswith("/"):
        return False
    norm = " ".join(text.lower().replace("\u2019", "'").split())
    if any(_SELF_STATEMENT.search(norm[: hedge.start()]) for hedge in _HEDGE_LATER.finditer(norm)):
        return True
    return bool(_BURN_SIGN.search(norm)) and any(
        _SELF_STATEMENT.search(norm[: plain.start()]) for plain in _NOT_DIAGNOSED.finditer(norm)
    ) and all(
        # (the burning itself may be read as a light sensitivity; a named condition or anything else decides)
        m.rule_id == "photosensitivity" and _BURN_SIGN.search(m.text.lower())
        for m in recognise(text).affirmed()
    )


# "yes. wait no sorry, i misread, no": the answer after the last self-correction counts (user study round 11,
# #23: recorded as yes)
_SELF_CORRECTION = re.compile(
    r"\b(?:wait|sorry|oops|actually|i mean|i meant|i misread|misread|scratch that|no wait|correction)\b"
    r"[\s,.!:-]*"
)


# after a self-correction, a condition of one's own: "... scratch that, I have type 2 diabetes"
_OWN_CONDITION = re.compile(r"^(?:i have|i'?ve got|i do have|i take|i'?m on|i am on|i get|i wear)\b")


_SALUTATION = re.compile(
    r"^(dear (sir|madam|sir or madam|sirs|all|team|bot)|hello|hi|good (morning|afternoon|evening))\b[,.!]?\s+"
)
_EXCEPT = re.compile(r"\b(except|apart from|other than|besides|but|only|just)\b")
_NOT_POSSIBLE = re.compile(r"^(not possible|impossible|no way|can'?t be|cannot be|not a chance)\b")
_DONT_HAVE_ANY = re.compile(
    r"^(i\s+)?(don'?t|dont|do not|never)\s+(take|have|use|get|got)\s+(any|anything|none|those|that)\b"
)


def parse_answer(text: Optional[str]) -> Optional[Answer]:
    """Yes / no / don't know when the message explicitly answers a yes/no question, else None; after a
    self-correction in the message, the answer that follows it."""
    if not text:
        return None
    button = normalise_answer(text)
    if text.startswith("/") or button is not None:
        return button
    norm = " ".join(text.lower().replace("\u2019", "'").split())
    # "Dear Sir, no, my skin is in good order." (development round 30: asked again)
    norm = _SALUTATION.sub("", norm) or norm
    corrections = list(_SELF_CORRECTION.finditer(norm))
    if any(mark.start() > 0 for mark in corrections):
        # the last part that answers by itself: "yes. wait no sorry, i misread, no" -> "no"; "no wait, sorry,
        # yes - a cut that's still open" -> "yes" (user study round 23, #15: the "no" that opens the
        # correction counted, and the verdict fell to "I don't know")
        for mark in reversed(corrections):
            if mark.start() == 0:
                continue
            tail = norm[mark.end():].strip(" ,.!-\u2014")
            if tail:
                later = _explicit(tail)
                if later is not None:
                    return later
                if _OWN_CONDITION.match(tail) and recognise(tail).affirmed():
                    # "no actually scratch that, I have type 2 diabetes" (development round 15: was unsure)
                    return Answer.YES
    put = _PUT_ANSWER.match(norm)
    if put:
        return {"yes": Answer.YES, "no": Answer.NO}.get(put.group(1), Answer.UNKNOWN)
    said = _SAY_ANSWER.search(norm)
    if said:
        # "i'll say yes then, to be safe" (user study round 29, #31: asked again)
        return {"yes": Answer.YES, "no": Answer.NO}.get(said.group(1), Answer.UNKNOWN)
    answer = _explicit(norm)
    echo = _ECHOED_QUESTION.match(norm) if answer is None else None
    if echo is not None:
        # "Means skin burning easily in light? Yes, with this tablet I get sunburn very fast": the question
        # checked back, then the answer (user study round 46, d47-29: not read as an answer)
        answer = _explicit(norm[echo.end():])
    if answer is None and _NO_EMOJI.match(norm):
        # "❌", "🙅‍♀️ nothing like that", "👎" (dev round 24: asked again)
        answer = Answer.NO
    if answer is None and _YES_EMOJI.match(norm):
        # "I am 🤰", "yep ✅" (dev round 25: asked again)
        answer = Answer.YES
    if answer is Answer.NO and _ASK_THEM.search(norm):
        # "not that i know of, i'd have to ask her": not sure, so "I don't know" (user study round 16, #14)
        return Answer.UNKNOWN
    if answer is None and "?" not in norm:
        # "its calm rn so no", "hes a boy lol. no", "lol shes 68, definitely not": the answer at the end
        # (user study round 16, #14, #18, #34: asked again)
        last = _TRAILING.search(norm)
        word = last.group(1) if last else ""
        answer = (
            Answer.NO if word in ("not", "hardly") or word.endswith(" not") else _explicit(word)
        ) if last else None
        if answer is None and (
            _FINE_AT_END.search(norm) or _ALL_CLEAR.match(norm) or _ONLY_SUPPLEMENTS.match(norm)
            or _ONLY_HARMLESS.match(norm)
        ) and not recognise(text).affirmed():
            # "heartbroken over my ex but medically fine", "short sighted, nothing else" (dev round 9);
            # not "i have lupus but otherwise healthy" (the named condition decides)
            answer = Answer.NO
        elif answer is None and _BUT_NO.search(norm) and not _HEDGE_LATER.search(norm) and not recognise(
            text
        ).affirmed():
            # "wouldn't know porphyria if it bit me, but no, the sun doesn't bother me": the "no" after a
            # "but" in the middle (user study round 46, d47-14: recorded as a yes, then asked again)
            answer = Answer.NO
        elif answer is None and _HAS_NOT_THAT.search(norm):
            # "I asking what it means. she don't have that" (user study round 46, d47-26: asked again)
            answer = Answer.NO
        elif answer is None and _SAID_NO.match(norm):
            answer = Answer.NO
        elif answer is None and _CAN_FEEL.search(norm):
            answer = Answer.NO
        elif answer is None and _CAN_FEEL_PLAIN.search(norm) and not recognise(text).affirmed():
            # "I can feel my hands, they are just cold", "I can feel everything" (user study round 48, #30:
            # the circulation text and the question again)
            answer = Answer.NO
        elif answer is None and _NOT_NOW_END.search(norm) and _NOW_AND_THEN.search(norm):
            # "i take antibiotics sometimes for my skin, not right now tho" (user study round 48, #14: asked
            # again): not now
            answer = Answer.NO
        elif answer is None and (
            _NOT_POSSIBLE.match(norm)
            or (_DONT_HAVE_ANY.match(norm) and not _EXCEPT.search(norm) and not recognise(text).affirmed())
        ):
            # "Not possible, I've had a hysterectomy", "Don't take any medicine, not even vitamins"
            # (development round 30: asked again)
            answer = Answer.NO
        elif answer is None and _ASK_SOMEONE.search(norm):
            # "i'll have to ask my gp", "have to check with my surgeon what they put in": not sure (round 9)
            answer = Answer.UNKNOWN
    return answer


_NO_EMOJI = re.compile(
    "^\\s*(?:\u274c|\U0001f645[\u200d\u2640\u2642\ufe0f]*|\U0001f44e|\U0001f6ab|\u2716\ufe0f?|\u26d4)+"
    "(?:[\\s,.!]*(?:nothing like that|none|nope|no|nah|not me|never))?[\\s.!]*$"
)
# an explicit yes in a picture: a tick, or the pregnant figures (an "I am" before them, dev round 25); not a
# thumbs-up, which also only says "ok"
_YES_EMOJI = re.compile(
    "^\\s*(?:(?:i am|i'?m|im|yes|yeah|yep|yup|ya|def(?:initely)?)[\\s,.!]*)?"
    "(?:\u2705|\u2714\ufe0f?|\u2611\ufe0f?|\U0001f930|\U0001fac3|\U0001fac4)[\U0001f3fb-\U0001f3ff\ufe0f]*"
    "(?:[\\s.!]*(?:\U0001f930|\U0001fac3|\U0001fac4|\U0001f476|\U0001f60a|\U0001f642|\u263a\ufe0f?|\u2764\ufe0f?)"
    "[\U0001f3fb-\U0001f3ff\ufe0f]*)*[\\s.!]*$"
)
_ASK_THEM = re.compile(
    r"\b(?:i'?d|i would|i'?ll|i will|i need to|i have to|i'd need to|i must)\s+(?:have to\s+|need to\s+)?"
    r"(?:ask|check with|check)\s+(?:her|him|them|my \w+|with (?:her|him|them))\b|"
    # "not that i know of, haven't seen a doctor in years" (development round 12: recorded as a firm no)
    r"\b(?:haven'?t|have not|havent|not)\s+(?:seen|been to|been checked by|had a check\w*)\s+"
    r"(?:a|my|the|any)?\s*"
    r"(?:doctor|doc|gp|dr)s?\s+(?:in|for)\s+(?:years|ages|a long time|forever|a while)\b"
)
# an explicit answer that ends a message, after a comma, a full stop, "so", "but" or a laugh ("i'm a cancer
# (star sign) but no": development round 9)
_TRAILING = re.compile(
    # ("implants: zero", "pregnant - no": a form's answer after a colon or a dash)
    # ("eczema? also none", "porphyria? had to google it, also no": development round 19)
    r"(?:[,.;!:?]|\s-+|\bso|\bthen|\bbut|\blol|\bhaha+)\s*(?:also\s+|again\s+)?(no+|nope|nah|definitely not|"
    r"certainly not|absolutely not|zero|none|"
    r"not really|not at all|yes+|yeah|yep|yup|definitely|i don'?t know|not sure|dunno|"
    # "she's 80, obviously not" (user study round 29, #17)
    r"obviously not|of course not|clearly not|hardly|"
    # "waiting on the scan results, so i don't know yet" (development round 14)
    r"i don'?t know yet|not sure yet|i can'?t say yet|don'?t know yet|"
    # "i am man, not" (a learner's "no": user study round 26)
    r"(?<=, )not)"
    # ("numb areas: none whatsoever": development round 19)
    # ("so I don't know really", "so no honestly": user study round 46, d47-65: asked again)
    r"(?:\s+(?:whatsoever|at all|either|thanks|thank you|really|honestly|tbh|to be honest|for sure|then))?"
    # "she's 80, so no haha" (user study round 26: asked again)
    r"[\s.!]*(?:lol|haha+|hehe+|lmao|😂|🙃)?[\s.!]*$"
)
# "I literally just said no" (user study round 26: asked again)
# "i'll say yes then, to be safe", "let's go with I don't know"
_SAY_ANSWER = re.compile(
    r"\b(?:i'?ll|i will|let'?s|lets|i'?d|i would|i'?m going to|put|mark)\s+(?:just\s+)?"
    r"(?:say|put|go with|answer|it as|it down as|that as)\s+(?:a\s+)?[\"']?(yes|no|i don'?t know|not sure)\b"
)
# "put I don't know for that one", "mark it as no", "just put yes" (user study round 46, d47-65: asked again)
_PUT_ANSWER = re.compile(
    r"^(?:(?:ok(?:ay)?|so|then|just|please|pls|can you|could you|you can)[\s,]+)*"
    r"(?:put|mark|write|record|tick|choose|pick|select|enter|note)\s+(?:it\s+|that\s+|me\s+)?(?:down\s+)?(?:as\s+|for\s+)?[\"']?"
    r"(yes|no|i don'?t know|don'?t know|dont know|not sure|unsure|dunno|idk|unknown)[\"']?"
    r"(?:\s+(?:for|to|on)\s+(?:that|this|the|it)(?:\s+(?:one|question|q))?)?[\s.!]*$"
)
# a short question checked back ("means skin burning easily in light?", "you mean the sun thing?") before the
# answer
_ECHOED_QUESTION = re.compile(r"^[^?.!]{1,60}\?+\s*")
_BUT_NO = re.compile(r"(?:[,;.!]\s*|\s)but\s+(?:no+|nope|nah|not really|not at all|none|never)\s*[,;.!-]")
# a closing "(she) don't have that" in learner's or Singapore English: the thing asked about, denied
_HAS_NOT_THAT = re.compile(
    r"(?:^|[.!,;]\s*)(?:(?:but|and|so|no|nope|nah|anyway)[\s,]+)?(?:i|she|he|they|we|my \w+)\s+"
    r"(?:don'?t|dont|doesn'?t|doesnt|do not|does not|never|no)\s+(?:have|has|had|got|get|gets)\s+"
    r"(?:that|it|this|those|them|one|any|that one|that thing|any of (?:that|those|them))"
    r"(?:\s+(?:one|thing|lah|leh|lor|ah|at all|either))?[\s.!]*$"
)
_SAID_NO = re.compile(r"^\W*(?:i\s+)?(?:literally\s+|already\s+|just\s+)*(?:said|told you|answered)\s+no\b")


# a closing all-clear about one's health ("but medically fine", "otherwise healthy", "nothing else")
_FINE_AT_END = re.compile(
    r"(?:(?:\bbut|\botherwise|\bapart from that)\s+(?:i'?m\s+|im\s+)?(?:medically\s+|physically\s+)?"
    r"(?:fine|healthy|all good)|[,.;!]\s*(?:medically|physically|health[- ]?wise)\s+(?:fine|healthy|ok|okay)|"
    r"[,.;!]\s*(?:nothing else|nothing electronic|no electronics|no other (?:conditions?|issues|problems))|"
    # "i burn in the sun like anyone but nothing diagnosed" (development round 10)
    r"(?:\bbut|,)\s+(?:nothing|never been|not)\s+diagnosed(?:\s+with\s+anything)?)[\s.!]*$"
)
# an all-clear said as the whole answer: "healthy as a horse", "all good, nothing to report" (development
# round 10: asked again)
_ALL_CLEAR = re.compile(
    r"^(?:(?:nah|no|nope|ha(?:ha)+|lol|honestly|yeah)[\s,.!]+)?(?:healthy as a horse|fit as a fiddle|"
    # dev round 24: "that's everything, there's nothing else", "not that I've noticed"
    r"that'?s (?:everything|all|it)(?:[\s,.!]+(?:there'?s\s+)?nothing else)?|nothing else|"
    r"not that i'?ve (?:noticed|seen|felt)|not that i'?m aware of|"
    r"all good|nothing to report|nothing to declare|clean bill of health|all clear|right as rain|"
    # "healthy as far as I know" (development round 15)
    r"(?:i'?m |im |i am )?(?:perfectly |pretty |totally )?healthy as far as i know|"
    r"nothing like that|none of that|none of those)\b[^?]*$"
)
# nothing the check asks about: "just fillings lol", "only contacts" (development round 11)
_ONLY_HARMLESS = re.compile(
    r"^(?:just|only)\s+(?:some\s+|a\s+|my\s+)?(?:fillings?|crowns?|braces|a retainer|retainers?|contacts|"
    # "just a papercut on my finger" (development round 12)
    r"(?:tiny\s+|small\s+)?paper ?cuts?(?:\s+on\s+my\s+\w+)?|"
    r"contact lenses|glasses|reading glasses|piercings?|ear piercings?|a brace on my teeth|veneers|"
    # "just freckles, nothing weird" at the cancer question (dev round 22: asked again); not a freckle that
    # changed
    r"(?:a few |some )?freckles|"
    # "just a couple of pimples on my forehead, nothing angry or weeping" at the skin question (user study
    # round 46, d47-14: read as an open wound)
    r"(?:a couple of |a few |some |the odd |one or two |two |a )?(?:small |little |tiny )?"
    r"(?:pimples?|spots?|zits?|blackheads?|whiteheads?|breakouts?)(?:\s+on\s+my\s+\w+)?)"
    r"(?:\s+in my teeth)?(?:,?\s+nothing (?:weird|odd|unusual|strange|new|changing|worrying|else|angry|"
    r"infected|serious|bad)(?:\s+(?:or|and|nor)\s+(?:weeping|oozing|infected|angry|red|sore|open|crusty|spreading))*)?"
    r"[\s.!]*(?:lol|haha|😂)?[\s.!]*$"
)
# only supplements: "just vitamins and fish oil" (development round 10), when nothing in it is recognised
_ONLY_SUPPLEMENTS = re.compile(
    r"^(?:just|only)\s+(?:some\s+|a\s+)?(?:(?:multi)?vitamins?(?:\s+[a-z0-9]{1,3})?|fish oil|cod liver oil|"
    r"omega[- ]?3s?|magnesium|zinc|iron( tablets)?|probiotics?|supplements?|protein( powder)?|creatine|"
    r"collagen)(?:\s*(?:,|and|&)\s*(?:(?:multi)?vitamins?(?:\s+[a-z0-9]{1,3})?|fish oil|cod liver oil|"
    r"omega[- ]?3s?|magnesium|zinc|iron( tablets)?|probiotics?|supplements?|protein( powder)?|creatine|"
    r"collagen))*[\s.!]*(?:lol|haha)?[\s.!]*$"
)
# the user has to ask someone who knows first: a doctor, a surgeon, a relation
_ASK_SOMEONE = re.compile(
    r"\b(?:have|need|got)\s+to\s+(?:ask|check\s+with|check)\s+(?:my|the|her|his|our)\s+"
    r"(?:gp|doctor|doc|dr|surgeon|consultant|specialist|nurse|midwife|pharmacist|mum|mom|dad|husband|wife|partner)\b"
)


# feeling that is normal: "i'm diabetic but i can feel my feet fine" to the reduced-feeling question
# (development round 12: the diabetes named kept it from a no)
_CAN_FEEL_PLAIN = re.compile(
    r"^\W*(yes,?\s+|yeah,?\s+)?i can (?:still )?feel "
    r"(?:my \w+|them|it|everything|both \w+|all of (?:it|them))"
    r"(?:\s*$|\s*[,.!]|\s+(?:and|but|they|it|just)\b)"
)
_NOT_NOW_END = re.compile(
    r"\b(?:but\s+)?not\s+(?:right\s+)?(?:now|at the moment|currently|atm|rn)(?:\s+(?:tho|though))?\s*[.!]*$"
)
_NOW_AND_THEN = re.compile(
    r"\b(sometimes|occasionally|now and then|every now and then|in the past|used to|once)\b"
)
_CAN_FEEL = re.compile(
    r"\bi can (?:still )?feel (?:my \w+|them|it|everything|both \w+)(?: \w+)?\s+"
    r"(?:fine|ok|okay|normally|properly|"
    r"all right|alright|perfectly(?: well)?|just fine|no problem)\b"
)


def _explicit(norm: str) -> Optional[Answer]:
    """The answer a normalised message starts with, if any."""
    if _UNKNOWN.match(norm):
        return Answer.UNKNOWN
    if _NO.match(norm):
        return Answer.NO
    if _YES.match(norm) or _YES_SHORT.match(norm):
        return Answer.YES
    return None
