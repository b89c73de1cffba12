"""Words every view and export shares: the caution and the credit to the source."""

#: The one caution: every view that shows training carries it, word for word.
CAUTION = (
    "Training information, not a diagnosis: if you have pain, numbness or a recent "
    "injury, see a clinician (a physiotherapist or sports doctor) before you start, "
    "and stop any move that hurts."
)
CREDIT = (
    "Exercises and programme from a Runner's World article on gluteus medius exercises "
    "for runners, medically reviewed by John Vasudevan, M.D., with coach Alison Marie "
    "Helms, Ph.D.; restated in glutemed's own words."
)
