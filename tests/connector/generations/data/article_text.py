"""The long article the page and PDF fixtures are made from (about 1,500 words): headings, paragraphs and lists."""

TITLE = "The Quiet Art of Remote Meetings"
DESCRIPTION = ("Distributed teams that meet less, and better, share a handful of habits: a written agenda, "
               "a clear owner and decisions recorded where everyone can find them.")
AUTHOR = "Maya Lindqvist"
SITE = "Northwind Journal"

# ("h2", text) | ("p", text) | ("ul", [items]) | ("ol", [items]) | ("img", src)
BODY = [
    ("p", "Ask anyone who has worked on a distributed team what drains their week and the answer rarely involves "
          "the work itself. It is the meetings: the status call that could have been a message, the planning "
          "session that ends without a plan, the retrospective that repeats last month's retrospective. Remote "
          "work did not invent bad meetings, but it made them easier to schedule and harder to escape."),
    ("p", "Over the past two years we talked to forty teams, from four-person agencies to engineering groups of "
          "several hundred, about how they meet. The teams that were happiest with their calendars were not the "
          "ones with the fewest meetings. They were the ones whose meetings had a reason to exist, a person who "
          "owned them and an outcome that outlived the call. What follows is what they do differently."),
    ("img", "/images/remote-meetings-wide.jpg"),
    ("h2", "Start with the why"),
    ("p", "Every recurring meeting on a calendar began as a good idea. A weekly sync made sense when the project "
          "was new and nobody knew who owned what. Six months later the project has owners, a tracker and a "
          "chat channel, yet the sync is still there, now thirty minutes of people reading their updates aloud. "
          "The best teams we spoke to review their recurring meetings every quarter and ask a blunt question of "
          "each one: if this meeting did not exist, would we create it today?"),
    ("p", "When the answer is no, they cancel it, and they do so without ceremony. One engineering manager told "
          "us she deletes every recurring meeting on the first day of each quarter and lets people add back the "
          "ones they miss. Roughly half come back. The other half were never missed at all."),
    ("h2", "Write the agenda down first"),
    ("p", "A meeting without a written agenda is a conversation waiting to wander. The agenda does not need to "
          "be long. Three lines are enough: what we need to decide, what we need to know beforehand, and who "
          "will make the call if we cannot agree. Teams that shared the agenda a day ahead reported shorter "
          "meetings and fewer follow-up calls, because people arrived having already thought about the question."),
    ("p", "The agenda also makes it easy to skip a meeting gracefully. If the only item is an update, the owner "
          "can post it in writing and give everyone their half hour back. Several teams told us that simply "
          "requiring an agenda cut their meeting hours by a fifth within a month."),
    ("img", "../media/agenda-template.png"),
    ("h2", "Five habits of meetings that end on time"),
    ("ul", ["Give every meeting a single owner who starts it and ends it.",
            "Put the decision you need at the top of the agenda, not the bottom.",
            "Keep status updates in writing and use the call for questions.",
            "End five minutes early so people can reach their next call.",
            "Close by reading the decisions and owners aloud."]),
    ("p", "None of these habits are new, and none require special software. What made them stick on the teams "
          "we visited was that someone wrote them down as the team's way of working and the team leads followed "
          "them first. Habits spread downward much faster than they spread upward."),
    ("h2", "Make space for quiet voices"),
    ("p", "Video calls reward the people who are comfortable interrupting. On a call with eight people, two or "
          "three usually do most of the talking, and the rest wait for a gap that never comes. The teams that "
          "handled this well used simple mechanics rather than good intentions. Some went around the virtual "
          "room in a fixed order. Others collected questions in a shared document before the call and worked "
          "through them in the order they were written."),
    ("p", "Written pre-work helps most of all. When everyone writes their view down before the meeting starts, "
          "the quietest person on the team has the same space as the loudest. A product lead described the "
          "change as the moment her team's meetings stopped being debates and started being decisions."),
    ("h2", "Record decisions, not transcripts"),
    ("p", "Recording every call and keeping a transcript feels thorough, but almost nobody reads a transcript "
          "of a meeting they missed. What people need is the decision, the reason for it and the person who owns "
          "what happens next. The most effective teams kept a short decision log, one line per decision, in the "
          "same place as the rest of their project documents, and linked to it from the meeting invite."),
    ("p", "A decision log also settles arguments about what was agreed. When a question resurfaces weeks later, "
          "the team can point to the entry, read the reasoning and either stand by it or change it on purpose. "
          "Either way, nobody has to remember who said what on a call in March."),
    ("h2", "Steps to try next week"),
    ("ol", ["List every recurring meeting you attend and who owns each one.",
            "Cancel one meeting that has no agenda and post its updates in writing.",
            "Add a three-line agenda to the meetings you own.",
            "Start a decision log and link it from your meeting invites.",
            "Ask your team which meeting they would miss least, and try a month without it."]),
    ("h2", "When not to meet at all"),
    ("p", "Some conversations are better in writing from the start. Announcements, routine updates and most "
          "reviews work well as documents with comments, where people can respond when they have thought about "
          "it rather than on the spot. Writing also crosses time zones gracefully: a colleague eight hours ahead "
          "can add their view while the rest of the team sleeps, instead of joining a call at midnight."),
    ("p", "Other conversations need a call and suffer in text. Disagreements that have gone back and forth "
          "three times in a thread, difficult feedback, and the first conversation with a new colleague all go "
          "better face to face, even through a camera. The skill is knowing which is which, and the teams we met "
          "had usually written that down too."),
    ("h2", "Time zones are a design constraint"),
    ("p", "A team spread from San Francisco to Berlin has, on a good day, two hours of overlap. Teams that treat "
          "those hours as precious protect them fiercely: no status updates, no presentations, only the "
          "conversations that genuinely need everyone at once. Everything else moves to writing, where it can "
          "happen on each person's own schedule without anyone staying up late or waking up early."),
    ("p", "Rotating the meeting time is another habit that came up again and again. When the same people always "
          "take the early or late slot, resentment builds quietly. Rotating spreads the cost, and it reminds "
          "everyone on the team that the inconvenience is shared rather than assigned to whoever lives furthest "
          "from headquarters."),
    ("h2", "Tools matter less than you think"),
    ("p", "Almost every team we interviewed had tried a new meeting tool in the past year, and almost none said "
          "it had changed much on its own. Shared notes, automatic summaries and clever scheduling assistants "
          "all help at the margins, but they amplify habits rather than replace them. A team without agendas "
          "simply gets well-formatted notes of meetings that should not have happened."),
    ("p", "The exceptions were small and boring. A shared template for agendas, a single place for decision "
          "logs and a calendar setting that ends meetings a few minutes early did more than any new product. "
          "The lesson for teams shopping for software is to fix the habit first and then pick the simplest tool "
          "that supports it."),
    ("h2", "What managers can do"),
    ("p", "Managers set the tone for meetings more than anyone else. When a manager arrives late, lets the call "
          "run over or skips the agenda, the team learns that the rules are optional. When a manager cancels "
          "their own recurring meeting because there is nothing to discuss, the team learns that it is safe to "
          "do the same. Several people told us the single most useful thing their manager did was to decline "
          "meetings openly and explain why."),
    ("p", "Managers can also make meeting costs visible. One team added up the hours spent in recurring calls "
          "each month and shared the figure in their planning document. Nobody was asked to cut anything, yet "
          "the number fell by a third over the next two quarters, simply because everyone could see it."),
    ("h2", "The bottom line"),
    ("p", "Remote meetings are not a problem to be solved once. They drift, accumulate and outlive their "
          "purpose, and the teams that keep them healthy treat their calendar like any other shared system: "
          "they review it, prune it and agree on how it should work. The reward is not only fewer hours on calls "
          "but better decisions, made by more of the team, and written down where everyone can find them."),
    ("p", "If you try only one thing from this article, make it the agenda. It costs a few minutes, it tells "
          "everyone why they are there, and it is the easiest way to discover which meetings never needed to "
          "happen in the first place."),
]

# Page furniture around the article, which an extractor should leave out
NAV = ["Home", "Work", "Culture", "Tools", "Newsletter", "About us"]
FOOTER = ("Northwind Journal is an independent publication about how small teams work. Copyright 2026 Northwind "
          "Media. All rights reserved. Privacy policy. Terms of use. Cookie settings.")
RELATED = ["Why async standups beat daily calls", "A field guide to time zones", "The one-page project plan"]
