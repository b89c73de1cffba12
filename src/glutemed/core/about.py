"""Words every view and export shares: the caution, the credit and the session guidance."""

#: The one caution: every view that shows training carries it, word for word.
CAUTION = (
    "Training information, not a diagnosis: if you have pain, numbness or a recent "
    "injury, see a clinician (a physiotherapist or sports doctor) before you start, "
    "and stop any move that hurts."
)
#: The credit to the source: the article, its medical reviewer and the two trainers it quotes.
CREDIT = (
    "Moves and programme rules from a Runner's World article on gluteus medius "
    "exercises for runners, medically reviewed by John Vasudevan, M.D., which quotes "
    "two trainers, Alison Marie Helms, Ph.D., and McCall. glutemed restates the "
    "article's facts in its own words."
)
#: How to work in a session: glutemed's general guidance, not the source's (which
#: gives no warm-up, effort, rest or pain advice). The rest matches the minutes
#: estimate's 60 seconds (``sessions.REST_SECONDS``), the short end of the range.
GUIDANCE_TITLE = "Every session (glutemed's general guidance, not the source's)"
GUIDANCE: tuple[str, ...] = (
    "Warm up for about five minutes first: easy movement, then a few light reps of the first move.",
    "Choose a load that leaves about two or three reps in reserve at the end of "
    "each set. Never take a set to failure, and do no strength work before a hard "
    "run on the same day: train after it.",
    "Rest 60 to 90 seconds between sets (the minutes estimate counts 60).",
    "Mild discomfort, up to about 3 out of 10, that has settled by the next "
    "morning is acceptable. Sharp pain, pain that makes you limp, or pain that is "
    "worse the next day: stop that move, go easier next time, and see a clinician "
    "if it persists.",
)
#: The guidance in one line, for a place with room for one.
GUIDANCE_LINE = (
    "Warm up for five minutes, leave two or three reps in reserve, rest 60 to 90 "
    "seconds, and stop any move that hurts."
)
