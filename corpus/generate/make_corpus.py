#!/usr/bin/env python3
"""Regenerates the sample engagement exercise in corpus/: the Caring Together
programme in Eastern Cheshire, spring and summer 2014.

    python3 corpus/generate/make_corpus.py

Writes corpus/responses/*.csv, corpus/panels/*.txt, corpus/actions.csv and
corpus/population.csv. The output is the same on every run (fixed seed).
Everyone in it is fictional; the personal details some responses contain
(names, telephone numbers, NHS numbers, e-mail addresses, postcodes) are
invented, and the telephone numbers are in Ofcom's ranges for drama.
"""

import csv
import datetime
import os
import random
import re
import textwrap

SEED = 20140725

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)

Q_WORKS = "What works well about health and social care for you now?"
Q_BETTER = "What could be better?"
Q_FUTURE = "What matters most to you about care in the future?"
Q_ELSE = "Is there anything else you would like to tell us?"
QUESTIONS = [Q_WORKS, Q_BETTER, Q_FUTURE, Q_ELSE]

HEADER = ["Response ID", "Date", "Event", "Channel", "Question", "Response",
          "Age band", "Gender", "Ethnicity", "Sexual orientation", "Postcode district",
          "Carer", "Disability", "Long-term condition", "Mental health condition",
          "Parent under 5", "Working status", "Lives alone"]
ATTRS = HEADER[6:]

AGE_BANDS = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+"]
AGE_RANGE = {"16-24": (16, 24), "25-34": (25, 34), "35-44": (35, 44), "45-54": (45, 54),
             "55-64": (55, 64), "65-74": (65, 74), "75-84": (75, 84), "85+": (85, 96)}
OLDER = ("65-74", "75-84", "85+")

# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------

# Postcode district -> (towns, villages)
DISTRICTS = {
    "SK10": (["Macclesfield", "Bollington", "Prestbury"],
             ["Rainow", "Pott Shrigley", "Higher Hurdsfield", "Kerridge"]),
    "SK11": (["Macclesfield"],
             ["Gawsworth", "Sutton", "Langley", "Wincle", "Bosley", "Siddington", "Henbury"]),
    "SK9": (["Wilmslow", "Handforth", "Alderley Edge"], ["Styal", "Morley Green"]),
    "SK12": (["Poynton", "Disley"], ["Adlington", "Higher Poynton"]),
    "CW12": (["Congleton"], ["Astbury", "Marton", "Buglawton", "Timbersbrook", "Mow Cop"]),
    "WA16": (["Knutsford"], ["Mobberley", "Over Peover", "Plumley", "Ollerton"]),
    "SK17": ([], ["Wildboarclough", "Macclesfield Forest"]),
    "CW4": (["Holmes Chapel"], ["Goostrey", "Cranage", "Brereton"]),
}
# Rough population weights of the districts within Eastern Cheshire.
DISTRICT_WEIGHTS = {"SK10": 24, "SK11": 20, "SK9": 18, "CW12": 16, "WA16": 10,
                    "SK12": 8, "CW4": 3, "SK17": 1}

LOCAL_HOSPITAL = {  # the community hospital people near each district talk about
    "CW12": "Congleton War Memorial Hospital", "CW4": "Congleton War Memorial Hospital",
    "WA16": "Knutsford community hospital", "SK9": "Knutsford community hospital",
}
MDGH = ["Macclesfield District General Hospital", "Macclesfield hospital", "Macc hospital",
        "the DGH in Macclesfield", "Macclesfield General", "MDGH"]
FAR_HOSPITALS = ["Wythenshawe", "Stepping Hill", "Leighton", "the Christie",
                 "Manchester Royal", "Salford Royal", "Stoke"]
CONDITIONS = ["dementia", "Parkinson's", "COPD", "heart failure", "MS", "a stroke",
              "diabetes", "arthritis", "cancer", "Alzheimer's", "motor neurone disease"]
MY_CONDITIONS = ["type 2 diabetes", "COPD", "angina", "rheumatoid arthritis", "asthma",
                 "a heart condition", "MS", "epilepsy", "kidney disease", "fibromyalgia",
                 "high blood pressure", "Crohn's"]
RELATIONS = ["husband", "wife", "mum", "dad", "mother", "father", "partner", "son",
             "daughter", "mother-in-law", "brother"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def hospital(rng, district=None):
    if district in LOCAL_HOSPITAL and rng.random() < 0.35:
        return LOCAL_HOSPITAL[district]
    return rng.choice(MDGH)


# --------------------------------------------------------------------------
# Fragment banks, one per theme: "good" (what works), "bad" (what could be
# better) and "future" (what matters). Slots in braces are filled per person.
# --------------------------------------------------------------------------

THEMES = {
    "closer-to-home": {
        "good": [
            "Being able to have my bloods done at the surgery instead of going up to {hosp}.",
            "The community nurses come to the house for Dad's dressings which saves a lot of hassle.",
            "Having the physio at {local} rather than trekking into Macclesfield.",
            "The clinic in {town} is ten minutes walk from home.",
            "Podiatry comes to the health centre in {town} now, much better than before.",
            "Mum had her rehab at Congleton War Memorial Hospital, close to home so we could all visit.",
            "My warfarin checks are done at the local surgery, no more trips to the hospital.",
            "The heart failure nurse sees me at home.",
        ],
        "bad": [
            "Why do I have to go all the way to {hosp} for a ten minute check up the practice nurse could do?",
            "Every outpatient appointment means a whole day out. Most of it could be done locally.",
            "My husband was sent to {far} for a scan when there's a perfectly good hospital in Macclesfield.",
            "Too much is being centralised. Knutsford hospital used to do so much more.",
            "Local clinics keep closing and everything moves further away from {town}.",
            "I had to go to {far} for a follow-up that lasted five minutes. Couldn't it be done nearer home?",
            "There's nothing in {town} any more, you have to go to Macc for everything.",
        ],
        "future": [
            "Care closer to home, in the community, not everything up at the hospital.",
            "Being able to stay in my own home for as long as possible with the help coming to me.",
            "Keep services local. {town} needs its own clinics.",
            "More done at the GP surgery or the community hospital so people don't have to travel.",
            "I'd rather be looked after at home than in a hospital bed miles away.",
            "Local services, local beds, local people.",
            "Keep the community hospitals. Congleton and Knutsford both matter to people round here.",
        ],
    },
    "one-point-of-access": {
        "good": [
            "When I finally got through to the right person at the council they were brilliant.",
            "The district nurses gave us one number to ring any time, that has been a lifeline.",
            "The pharmacist pointed me to the right service, which nobody else had done.",
            "111 was helpful the one time I used it and they sorted an out of hours doctor.",
            "The lady at the CAB knew exactly who I needed to speak to.",
        ],
        "bad": [
            "I never know who to ring. GP, 111, social services, the hospital - they all tell you to ring someone else.",
            "I was passed from pillar to post trying to get help for {rel}. {n} phone calls and nobody could tell me anything.",
            "Out of hours is a nightmare, you don't know whether to ring 111 or just go to A&E.",
            "Nobody tells you what's out there. I found out about the falls service by chance from a neighbour.",
            "Every service has its own phone number, its own forms and its own waiting list.",
            "Rang social services about an assessment for {rel}, on hold for {mins} minutes then got cut off.",
            "It's like a maze. You need someone to point you in the right direction.",
            "I spent a whole morning ringing round trying to find out who deals with equipment. Nobody knew.",
        ],
        "future": [
            "One number to ring, where someone actually knows what's available and sorts it out.",
            "A single point of contact, a named person who knows me.",
            "Better signposting so you know where to go instead of guessing.",
            "Someone to co-ordinate everything so I'm not chasing people all the time.",
            "One place to go for health and social care, not six.",
            "A care co-ordinator for people with complicated needs like {rel}.",
        ],
    },
    "information-sharing": {
        "good": [
            "My GP could see the hospital letter straight away, which was reassuring.",
            "The consultant had my notes from the GP for once!",
            "The district nurse and the GP seem to talk to each other, which helps.",
        ],
        "bad": [
            "I have had to tell my story six times to six different people. Don't you talk to each other?",
            "The hospital didn't have my medication list and the GP didn't know I'd been admitted.",
            "Social services and the NHS have separate records. {Rel} has {cond} and can't explain everything every time.",
            "I carry a folder of my own notes around because nobody else seems to have them.",
            "The discharge letter took {weeks} weeks to reach the surgery.",
            "Each visit someone new comes and asks the same questions. It's all in the folder but nobody reads it.",
            "Why can't the ambulance crew see my records? They had no idea about my heart condition.",
            "The hospital and the GP use different computer systems that don't talk to each other. In 2014!",
            "Had to repeat my whole history to the out of hours doctor, the paramedic and then A&E.",
        ],
        "future": [
            "One set of records that everyone can see, with my permission, so I only tell my story once.",
            "Organisations talking to each other and sharing information properly.",
            "A shared care record. I'd happily consent if it means I don't have to repeat myself.",
            "I want to know who can see my records though. Sharing is fine but keep it secure.",
            "Joined up care, where the left hand knows what the right hand is doing.",
        ],
    },
    "jargon-overload": {
        "good": [
            "The leaflet about my diabetes was clear and in plain English.",
            "The nurse explained everything without any jargon.",
        ],
        "bad": [
            "Too much jargon. Integrated this, pathway that, I haven't a clue what any of it means.",
            "I was given a pile of leaflets when Dad came out of hospital and couldn't make head nor tail of them.",
            "The letters from the hospital are full of abbreviations. What is a \"TCI\"?",
            "Your own leaflet for this survey was hard to understand. What is a \"model of care\" when it's at home?",
            "Information overload. Too many leaflets, websites and forms and none of it tells you what you actually need.",
            "The forms for Mum's care were 20 pages long and written in gobbledygook.",
        ],
        "future": [
            "Plain English please. Tell people simply what's changing and what it means for them.",
            "Information ordinary people can understand, not NHS speak.",
            "Less paperwork and fewer leaflets, more someone explaining things face to face.",
        ],
    },
    "transport-rural": {
        "good": [
            "The volunteer drivers in {town} are fantastic, they took me to every chemo appointment.",
            "The Dial-a-Ride bus gets me to the surgery.",
            "Free parking at {local} makes a big difference.",
            "Patient transport picked Mum up on time and brought her home, very good.",
        ],
        "bad": [
            "Parking at Macclesfield hospital is a disgrace. {parking} for an appointment that runs an hour late.",
            "I live in {village} and there's one bus a day. Getting to an appointment in Macclesfield is impossible without a car.",
            "A taxi from {village} to the hospital costs {taxi} each way. On a pension that is a lot of money.",
            "No bus from {village} to the surgery since they cut the route.",
            "Went round the hospital car park three times and missed my appointment.",
            "Hospital transport picked me up at 8 for an 11 o'clock appointment and I didn't get home till 4.",
            "I don't drive and rely on my daughter taking time off work to get me anywhere.",
            "Getting to {far} for the clinic takes two buses and a train from {town}.",
            "It cost me {parking} to park while I visited my wife every day for three weeks. That adds up.",
            "The parking at {hosp} is a nightmare, there are never any spaces.",
        ],
        "future": [
            "Transport for people in rural areas who don't drive.",
            "Cheaper or free parking at the hospital, especially for people visiting every day.",
            "If services move further away, sort out the buses first.",
            "I'd travel for specialist care if it was better, but not for routine things.",
            "Think about the villages. Not everyone lives on a bus route.",
        ],
    },
    "technology-telehealth": {
        "good": [
            "Ordering my repeat prescription online is brilliant.",
            "The blood pressure monitor at home sends my readings to the nurse, fewer trips.",
            "Text reminders for appointments are really useful.",
            "Had a phone consultation with the GP instead of going in, saved me half a day.",
            "Mum's telecare pendant means she can call for help if she falls.",
        ],
        "bad": [
            "Not everyone has a computer. My mother is {oldage} and has never used the internet.",
            "The online booking never has any appointments on it.",
            "Why can't I email my GP a simple question?",
            "Telehealth sounds good but what happens when the broadband goes down, which it does regularly in {village}?",
            "Everything is going online and people like me get left behind.",
            "The mobile signal in {village} is non existent so the text reminders never arrive.",
        ],
        "future": [
            "Use technology where it helps - Skype appointments, texts, online records - but keep a human at the end of the phone.",
            "Being able to see my own test results online.",
            "Telecare for people living alone so they can stay at home safely.",
            "Don't force technology on older people who can't use it.",
            "Online appointments and e-mail for those who want it.",
        ],
    },
    "self-care": {
        "good": [
            "The expert patient course helped me manage my diabetes myself.",
            "Pulmonary rehab taught me how to manage my breathing.",
            "My care plan means I know what to do when my COPD flares up.",
            "The practice nurse gave me the confidence to manage my own condition.",
        ],
        "bad": [
            "Nobody tells you how to look after yourself, you just get more tablets.",
            "I'd like more say in my own treatment. Decisions are made about me, not with me.",
            "I wanted to manage my own condition but couldn't get the test strips on prescription.",
            "I've had {mycond} for {years} years and I know it better than most of the locums do, but nobody listens.",
        ],
        "future": [
            "Being treated as a partner in my care and making my own decisions.",
            "Help to manage my own condition so I don't need to see the doctor every five minutes.",
            "Giving people the information and the confidence to look after themselves.",
            "Personal budgets so I can choose my own carers.",
            "Independence. Being in control of my own life for as long as possible.",
        ],
    },
    "carers": {
        "good": [
            "The carers centre in Macclesfield has been a godsend.",
            "Respite once a month gives me a break from looking after my {rel}.",
            "The Admiral nurse understood what I was going through with {rel}'s dementia.",
            "The carers support group at {town} keeps me sane.",
        ],
        "bad": [
            "As a carer I feel invisible. Nobody asks how I'm coping.",
            "I care for my {rel} full time and haven't had a night off in {years} years.",
            "Carers aren't told anything because of \"confidentiality\" even though we're the ones doing the caring.",
            "The carer's assessment took months and nothing came of it.",
            "Mum's carers come at different times every day and only stay 15 minutes.",
            "Nobody asked whether I could cope with Dad at home after the stroke. They just assumed.",
        ],
        "future": [
            "Proper support for carers - breaks, and someone to ring when things go wrong.",
            "Recognise family carers as part of the team.",
            "Respite care that's actually available when you need it.",
            "Look after the carers or there won't be any left.",
        ],
    },
    "hospital-discharge": {
        "good": [
            "When Dad came out of Macclesfield hospital the reablement team came the next day. Brilliant.",
            "Mum's discharge was well planned and the equipment was already at home.",
            "The discharge nurse sorted everything before I went home.",
        ],
        "bad": [
            "Mum was kept in hospital for {weeks} weeks waiting for a care package. She was ready to go home after five days.",
            "They sent Dad home at 11 at night with no care in place and no medication.",
            "Discharge took all day. Told at 9am she could go, finally left at 7pm waiting for pharmacy.",
            "My husband was discharged without anyone telling the GP or the district nurses.",
            "Bed blocking is a real problem, people stuck on wards because there's no care at home.",
            "Came home after my hip operation and nobody came for four days.",
            "{Rel} was discharged on a {day} and the care agency didn't start till the Wednesday.",
        ],
        "future": [
            "Getting people home from hospital quickly with the right support in place.",
            "Better planning before discharge so families know what's happening.",
            "Step down beds locally for people not ready to go straight home.",
        ],
    },
    "gp-access": {
        "good": [
            "My GP is excellent, always listens and never rushes me.",
            "I can usually get a same day appointment if I ring at 8.",
            "The receptionists at my surgery are helpful and friendly.",
            "The practice nurse is brilliant with my asthma checks.",
            "My doctors surgery in {town} is very good, can't fault them.",
            "Being able to see a GP the same day when my son was poorly.",
        ],
        "bad": [
            "Getting a GP appointment is impossible. You ring at 8am and by ten past they've all gone.",
            "{weeks} weeks wait to see a doctor. By then you're either better or dead.",
            "The receptionist wants to know all my business before I can get an appointment.",
            "I can never see the same GP twice.",
            "Ringing the surgery at 8 and being {nth} in the queue is no way to run a service.",
            "You can only mention one problem per appointment. Ten minutes isn't enough.",
            "The surgery won't book more than two weeks ahead and all the on the day ones go by half eight.",
            "I waited {weeks} weeks for a doctor's appointment for my {rel}.",
            "GP appointments. Enough said.",
        ],
        "future": [
            "Being able to see my GP when I need to, without a battle.",
            "Longer appointments for people with more than one problem.",
            "A doctor who knows me and my history.",
            "Easier access to the GP - more appointments, and not just first thing in the morning.",
        ],
    },
    "prevention": {
        "good": [
            "The health check at my surgery picked up my blood pressure.",
            "The falls class at the community centre has given me my confidence back.",
            "The stop smoking service was great, {months} months smoke free now.",
            "The walking group in {town} keeps me active.",
        ],
        "bad": [
            "Everything is about treating people once they're ill. Nothing to stop them getting ill in the first place.",
            "They waited until Mum had a fall before anyone did a home assessment.",
            "The exercise classes for older people at the leisure centre were cut.",
            "My diabetes was only picked up when I ended up in A&E.",
        ],
        "future": [
            "More prevention. Catch things early before they become a crisis.",
            "Exercise classes, healthy eating, help to stop smoking, that sort of thing, locally.",
            "Regular check-ups for older people even when they're not poorly.",
            "Invest in keeping people well, it's cheaper in the long run.",
            "Early intervention, especially for mental health and for children.",
        ],
    },
    "staff-continuity": {
        "good": [
            "The nurses on ward {ward} at Macclesfield were wonderful, nothing was too much trouble.",
            "The district nurses are angels.",
            "The staff at {local} are so kind.",
            "Same physio every time which made a real difference.",
            "Staff are fantastic, despite everything.",
            "The care and kindness from the staff when my {rel} was dying.",
        ],
        "bad": [
            "Different carer every day. {Rel} doesn't know who is coming into the house.",
            "The staff are run off their feet. Not their fault, there just aren't enough of them.",
            "Agency nurses who don't know the ward or the patients.",
            "Saw four different doctors in one week and got four different opinions.",
            "The home carers are lovely but rushed, they have 15 minutes and then they're off.",
        ],
        "future": [
            "Continuity. Seeing the same people who know you.",
            "Looking after the staff, they are the NHS's best asset.",
            "Enough staff with time to care, not rushing from one visit to the next.",
            "Kindness and dignity, whoever is looking after you.",
        ],
    },
    "seven-day-services": {
        "good": [
            "The out of hours service at the weekend was quick and helpful.",
        ],
        "bad": [
            "Try getting anything sorted on a Friday afternoon. Everything stops until Monday.",
            "Dad was stuck in hospital all weekend because no one could discharge him until the Monday.",
            "Social services don't work weekends, so if the care package falls through on a Saturday you're on your own.",
        ],
        "future": [
            "Services seven days a week. Illness doesn't stop at the weekend.",
            "GP appointments at weekends and in the evenings.",
            "Weekend discharges so people aren't stuck in hospital.",
            "A proper 7 day service, not skeleton staff at the weekend.",
        ],
    },
}

# How often each theme comes up when someone picks a subject on their own.
THEME_WEIGHTS = {
    "gp-access": 19, "transport-rural": 13, "one-point-of-access": 12, "hospital-discharge": 10,
    "information-sharing": 10, "staff-continuity": 10, "closer-to-home": 9, "carers": 6,
    "prevention": 5, "self-care": 5, "jargon-overload": 4, "technology-telehealth": 5,
    "seven-day-services": 2,
}

# --------------------------------------------------------------------------
# Banks for the seldom-heard groups: things particular to them.
# --------------------------------------------------------------------------

GROUP_BANKS = {
    "working-parents": [
        "Appointments are only in working hours. I have to take half a day off work for a ten minute appointment.",
        "Evening or Saturday surgeries would make a huge difference to those of us who work.",
        "My employer isn't very understanding about time off for the kids' appointments.",
        "I work in Manchester and can't get back to {town} before the surgery shuts at 6.",
        "Juggling work, childcare and Dad's hospital appointments is exhausting.",
        "I'd happily have a phone or video appointment in my lunch break.",
        "Both of us work full time. Getting a sick child seen without losing a day's pay is a struggle.",
        "I used my annual leave for hospital appointments last year.",
        "The immunisation clinic is on a Tuesday morning only. Who can do that when you work?",
    ],
    "new-mothers": [
        "The health visitor was brilliant in the first few weeks but after that we hardly saw her.",
        "The baby clinic in {town} moved and now it's only once a fortnight.",
        "Breastfeeding support was fantastic at the hospital, not so much once we got home.",
        "Nobody asked how I was coping after the birth. I think I had postnatal depression and it went unnoticed.",
        "Different health visitor every time, each giving different advice.",
        "The red book is great, everyone can see what's been done.",
        "Getting a pram on the bus to the baby clinic is a nightmare.",
        "The midwives at Macclesfield were amazing.",
        "First time mum and I had no idea who to ask about weaning or sleep. Google mostly!",
        "The children's centre in {town} has been a lifeline, I'd have gone mad at home on my own with a newborn.",
        "Getting the baby weighed means queuing for an hour with a screaming baby.",
    ],
    "younger-people": [
        "I don't want my mum finding out why I went to the doctor. Is it actually confidential?",
        "Texting would be so much easier than phoning the surgery.",
        "The school nurse is only in once a week.",
        "Doctors talk to my parents, not to me.",
        "Waiting to get seen by CAMHS took {months} months.",
        "Sexual health clinic opening times are rubbish if you're at school or college.",
        "Would be good to book appointments on an app.",
        "Being 17 is awkward, too old for the children's ward and too young for anything else.",
        "Nobody at college knows where to go if you need to talk to someone.",
        "The receptionist asked why I needed to see the doctor in front of a full waiting room.",
    ],
    "older-isolated": [
        "I live on my own and some weeks I don't speak to anyone.",
        "Since my husband died I'm on my own. The lunch club is the only time I get out.",
        "No bus, no car, no internet. How am I supposed to book anything online?",
        "I'm lonely. The carer is in and out in fifteen minutes.",
        "I worry about falling with nobody to find me.",
        "The pendant alarm gives me peace of mind living alone.",
        "My family are all down south so it's just me and the cat.",
        "The day centre closing was a big loss, it was my only company.",
        "I can't manage the stairs to the surgery and there's nobody to take me.",
    ],
    "bme": [
        "No interpreter was booked so my son had to translate for me at the doctor.",
        "Staff need to understand our culture, for example women wanting to see a female doctor.",
        "Leaflets are only in English. My parents can't read them.",
        "During Ramadan the nurse helped me change my insulin times, that was very good.",
        "I felt the receptionist was rude to me because of my accent.",
        "English is not my first language and the phone system is very hard for me.",
        "It's hard to understand how the NHS works when you're from another country. Nobody explains.",
        "The interpreter service on the phone is good but you have to ask for it.",
        "Some of the older ladies in our community won't go to the doctor at all because of the language.",
    ],
    "lgbt": [
        "The GP assumed my partner was my friend.",
        "Forms always say husband or wife. There's no space for my partner.",
        "I'm not out to my GP, I worry about how I'd be treated.",
        "As an older gay man I worry about going into a care home and having to go back in the closet.",
        "The sexual health clinic staff were non-judgemental and great.",
        "Trans healthcare waiting lists are years long.",
        "My wife wasn't treated as next of kin when I was in hospital until I made a fuss.",
        "Being asked \"is there a Mr ...?\" every single time gets very tiring.",
        "Staff training on LGBT issues would go a long way.",
    ],
    "mental-health": [
        "The waiting list for counselling was six months. I needed help then, not half a year later.",
        "In a crisis there's nowhere to go except A&E, which is the worst place.",
        "My CPN is fantastic, but she's stretched so thin.",
        "Physical and mental health are treated separately, like my head isn't attached to my body.",
        "The crisis line just told me to go to A&E.",
        "The forum itself helps, being with people who understand.",
        "IAPT phone sessions weren't right for me, I needed to see someone face to face.",
        "Being discharged from the mental health team after {weeks} weeks with no follow up was frightening.",
        "My GP was really understanding about my depression.",
        "You have to be really ill before anyone takes you seriously.",
    ],
}

# Which themes a group's own fragments also bear on (used only for choosing companions).
GROUP_THEME_HINTS = {
    "working-parents": ["gp-access", "seven-day-services", "technology-telehealth"],
    "new-mothers": ["staff-continuity", "prevention", "closer-to-home"],
    "younger-people": ["technology-telehealth", "gp-access"],
    "older-isolated": ["transport-rural", "technology-telehealth", "carers"],
    "bme": ["jargon-overload", "gp-access"],
    "lgbt": ["staff-continuity", "gp-access"],
    "mental-health": ["one-point-of-access", "staff-continuity", "seven-day-services"],
}

# --------------------------------------------------------------------------
# Short answers, openers, closers, off-topic comments, the campaign
# --------------------------------------------------------------------------

SHORT = {
    Q_WORKS: ["Nothing.", "Not much", "The staff.", "Pharmacy is great", "My GP", "The nurses.",
              "Everything's fine for me", "Don't use it much, touch wood", "Good local GP",
              "Can't complain", "nothing really", "Dentist!", "The district nurses",
              "Walk-in centre", "A&E was quick last time", "Repeat prescriptions online"],
    Q_BETTER: ["Parking!!", "Appointments", "Everything", "Waiting times.", "GP access",
               "Parking", "More staff", "Buses", "Communication", "waiting lists",
               "Getting through on the phone", "Car parking charges", "Not sure",
               "Joined up services", "Reception staff"],
    Q_FUTURE: ["Being seen quickly", "Staying in my own home", "Kindness.", "Local services",
               "Dignity", "Seeing the same doctor", "Keep it free", "Good care close to home",
               "Continuity", "Being listened to", "Not having to wait", "Family"],
    Q_ELSE: ["No.", "No thanks", "Not really", "Good luck with it", "no", "Nothing to add",
             "Thank you", "No, thanks for asking", "Keep the NHS public"],
}

# Openers by the polarity of what follows. "Stand" openers are sentences of their own;
# "run" openers run on into the first sentence.
OPENERS_STAND = {
    "good": ["On the whole I'm happy.", "Honestly?", "Mostly good.", "Can't complain really.",
             "Generally OK."],
    "bad": ["Where do I start.", "Lots.", "Mixed.", "I'll keep this short.", "Where to begin!",
            "Oh dear.", "Honestly?", "Quite a lot actually."],
    "future": ["Simple really.", "Good question.", "Easy."],
}
OPENERS_RUN = {
    "good": ["To be fair,", "I have to say", "In my experience", "Generally,", "Touch wood,"],
    "bad": ["To be honest,", "Not being funny but", "Speaking from experience,", "Sadly,",
            "In my experience"],
    "future": ["For me,", "Most of all,", "Above all,", "As I get older,", "Personally,"],
}

# Things people add to a story, good or bad.
ELABORATE = {
    "good": ["I can't praise them enough.", "Really made a difference.", "Long may it continue.",
             "It's the one thing that works well.", "Credit where it's due.",
             "That sort of thing makes all the difference when you're poorly."],
    "bad": ["It's not the staff's fault, they're doing their best.", "This was in {monthname}.",
            "It made me very anxious.", "I ended up in tears.", "We complained but heard nothing back.",
            "It shouldn't be this hard.", "This happened twice last year.", "Absolutely ridiculous.",
            "I'm sure I'm not the only one.", "My {rel} was in a terrible state by the end of it.",
            "And this was in {monthname}, not even the winter.", "Frankly it's a shambles.",
            "Nobody seemed to care.", "We felt completely let down."],
    "future": ["That's what really matters.", "It's not much to ask.", "Nothing else really.",
               "Simple as that.", "Everything else follows from that."],
}

CLOSERS = ["Thank you for asking.", "Thanks.", "Keep up the good work.", "Hope this helps.",
           "Please actually listen this time.", "I hope someone reads these.", "That's all.",
           "Thank you", "Rant over!", "Sorry to go on.", "Good luck.",
           "I'm happy to talk more about this."]

NOLINK = "\x00"
CONTRASTS = ["But", "However,", "On the other hand", "That said,", "Having said that,", "Then again"]
ADDITIONS = ["Also", "Also,", "And", "Plus", "On top of that", "Another thing -", "As well as that,"]

OFF_TOPIC = [
    "The bins in our road haven't been emptied for three weeks. Who do I complain to?",
    "Council tax has gone up again and what do we get for it?",
    "HS2 will ruin the countryside round here and nobody asked us.",
    "Parking at the leisure centre in Macclesfield is a joke since they changed the barrier.",
    "Can you do something about the potholes on the road out of {village}?",
    "The town centre in Macclesfield is dying, half the shops are empty.",
    "Dog mess everywhere on the canal path.",
    "Why have the library hours been cut in {town}?",
    "The traffic on the A34 through {town} is terrible at rush hour.",
    "Broadband in {village} is still rubbish, when is fibre coming?",
    "Not health related but the street lights on our estate are off after midnight and it's not safe.",
    "Please bring back the market on Saturdays.",
    "The swimming pool at the leisure centre is always closed for repairs.",
    "Too many houses being built and not enough schools.",
    "Bring back weekly bin collections!!",
    "The speed bumps on our road are damaging my car.",
    "Why does the council keep digging up the same road?",
]

CAMPAIGN = "Keep Congleton War Memorial Hospital open! We need local beds, not a trip to Macclesfield."
CAMPAIGN_VARIANTS = [
    "Keep Congleton War Memorial Hospital open!! We need local beds not a trip to Macclesfield",
    "keep congleton war memorial hospital open! we need local beds, not a trip to macclesfield.",
    "Keep Congleton War Memorial Hospital open! We need local beds, not a trip to Macclesfield. "
    "My mum was in there last year and the care was second to none.",
    "KEEP CONGLETON WAR MEMORIAL HOSPITAL OPEN! We need local beds, not a trip to Macclesfield.",
    "Keep Congleton War Memorial Open! We need local beds, not a trip to Macc.",
    "Keep Congleton War Memorial Hospital open. We need local beds not a trip to Macclesfield. "
    "The buses from Congleton to Macc are hopeless.",
    "Keep Congleton War Memorial Hospital open! We need local beds, not a trip to Macclesfield!!!",
    "Keep Congleton War Memorial hospital open - we need local beds, not a trip to Macclesfield.",
    "Keep Congleton War Memorial Hospital open! We need local beds, not a trip to Macclesfield. "
    "Signed by the Friends of Congleton War Memorial Hospital.",
    "Keep Congleton War Memorial Hospital open! We need local beds, not a trip to Macclesfield - "
    "I don't drive and neither does my husband.",
]

# Telephone interviewers write notes; some lines read like that.
PHONE_NOTES = [
    "Widowed, lives alone in {place}.", "Lives alone, daughter visits weekends.",
    "Husband in a care home in {town}.", "Housebound since the winter.",
    "Very chatty, glad of the call.", "Hard of hearing, call took a while.",
    "Says she is managing but struggles with shopping.", "Was a nurse herself at the old West Park.",
    "Doesn't drive any more.", "Uses a walking frame.",
]

# --------------------------------------------------------------------------
# Personal data (invented) for the redaction demo
# --------------------------------------------------------------------------

FIRST_F = ["Jean", "Margaret", "Susan", "Karen", "Julie", "Pauline", "Sandra", "Linda",
           "Emma", "Claire", "Sarah", "Hayley", "Doreen", "Brenda", "Joan", "Kath"]
FIRST_M = ["John", "David", "Peter", "Alan", "Keith", "Graham", "Steve", "Mark", "Gary",
           "Derek", "Brian", "Ian", "Tom", "Colin"]
SURNAMES = ["Hughes", "Barlow", "Bailey", "Hulme", "Brocklehurst", "Pickford", "Shufflebotham",
            "Wardle", "Heath", "Fitton", "Booth", "Lomas", "Oakes", "Swindells", "Goodwin",
            "Bradbury", "Dale", "Rowbotham", "Salt", "Broadhurst"]
DOCTORS = ["Patel", "Khan", "Bennett", "O'Neill", "Chowdhury", "Lloyd", "Harrison", "Ahmed",
           "Fraser", "Morgan"]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def nhs_number(rng):
    """A ten-digit NHS number with a valid modulus 11 check digit (999 test series)."""
    while True:
        digits = [9, 9, 9] + [rng.randrange(10) for _ in range(6)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1)))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        s = "".join(map(str, digits + [check]))
        return s if rng.random() < 0.4 else f"{s[:3]} {s[3:6]} {s[6:]}"


def mobile(rng):
    return f"07700 900{rng.randrange(1000):03d}"


def landline(rng):
    return rng.choice([f"01632 960{rng.randrange(1000):03d}", f"0161 496 0{rng.randrange(1000):03d}"])


def full_postcode(rng, district):
    sector = rng.choice("1234567" if district != "SK17" else "0")
    return f"{district} {sector}{rng.choice(INWARD)}{rng.choice(INWARD)}"


def personal_detail(rng, person):
    first = rng.choice(FIRST_F if person["gender"] == "Female" else FIRST_M)
    surname = rng.choice(SURNAMES)
    handle = f"{first.lower()}.{surname.lower()}{rng.randrange(40, 99)}"
    domain = rng.choice(["example.com", "example.co.uk", "example.org"])
    kind = rng.randrange(9)
    if kind == 0:
        return f"My name is {first} {surname} and I'm happy to be contacted on {mobile(rng)} if you want to know more."
    if kind == 1:
        return f"You can email me at {handle}@{domain} if you want to follow this up."
    if kind == 2:
        return f"My NHS number is {nhs_number(rng)} if you want to look at my records and see for yourselves."
    if kind == 3:
        return f"Dr {rng.choice(DOCTORS)} at the surgery has been wonderful, please pass on my thanks."
    if kind == 4:
        return f"Mrs {rng.choice(SURNAMES)} next door has to drive me because there is no one else."
    if kind == 5:
        return f"Nurse {rng.choice(FIRST_F)} on the ward went above and beyond for my {rng.choice(RELATIONS)}."
    if kind == 6:
        return f"Please ring me on {landline(rng)}, I'm in most mornings. {first} {surname}"
    if kind == 7:
        return f"I live at {rng.randrange(2, 140)} {rng.choice(['Park Lane', 'Buxton Road', 'Chester Road', 'Mill Street', 'Church Lane', 'Manchester Road'])}, {full_postcode(rng, person['postcode'] or 'SK10')}, and nobody has been out to see me."
    return f"I'm {first} {surname}, {full_postcode(rng, person['postcode'] or 'SK11')}, ring {mobile(rng)}."


# --------------------------------------------------------------------------
# Noise: the way people actually type
# --------------------------------------------------------------------------

TYPOS = [("receive", "recieve"), ("appointment", "apointment"), ("definitely", "definately"),
         ("doctors", "docters"), ("separate", "seperate"), ("necessary", "neccessary"),
         ("because", "becuase"), ("which", "wich"), ("really", "realy"),
         ("disappointed", "dissapointed"), ("hospital", "hosptial"), ("their", "there"),
         ("definitely", "defo"), ("occasionally", "occasionaly"), ("tomorrow", "tommorow"),
         ("waiting", "wating"), ("surgery", "sugery"), ("doesn't", "doesnt"),
         ("don't", "dont"), ("can't", "cant"), ("I'm", "Im"), ("through", "thru"),
         ("and", "&"), ("appointments", "appts"), ("people", "ppl"), ("know", "no")]


def add_typos(rng, text, count):
    for _ in range(count):
        right, wrong = rng.choice(TYPOS)
        spots = [m.start() for m in re.finditer(r"\b%s\b" % re.escape(right), text)]
        if spots:
            i = rng.choice(spots)
            text = text[:i] + wrong + text[i + len(right):]
    return text


def curl(text):
    """Straight quotes to typographic ones, as phones and word processors do."""
    text = re.sub(r"(?<=\w)'", "\u2019", text)
    text = re.sub(r"'(?=\w)", "\u2018", text)
    text = text.replace("'", "\u2019")
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


def casual(rng, text):
    """Lower-case start, dropped full stop, extra exclamation marks."""
    r = rng.random()
    if r < 0.25 and text[:1].isupper() and text[1:2].islower() and not text.startswith(("I ", "I'", "GP", "A&E")):
        text = text[0].lower() + text[1:]
    if rng.random() < 0.25 and text.endswith("."):
        text = text[:-1]
    if rng.random() < 0.08:
        text = text.rstrip(".") + "!!"
    return text


# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------

def pick(rng, weights):
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def person(rng, profile):
    """A respondent drawn from an event's profile (weights for each attribute)."""
    age = pick(rng, profile["age"])
    older = age in OLDER
    young = age == "16-24"
    p = {"age": age, "years": rng.randint(*AGE_RANGE[age])}
    p["gender"] = pick(rng, profile.get("gender", {"Female": 55, "Male": 42, "Non-binary": 1,
                                                    "Prefer not to say": 2}))
    p["ethnicity"] = pick(rng, profile.get("ethnicity", {
        "White British": 91, "White other": 3, "Asian or Asian British": 2.2,
        "Black or Black British": 0.6, "Mixed": 1.1, "Other": 0.5, "Prefer not to say": 1.6}))
    p["orientation"] = pick(rng, profile.get("orientation", {
        "Heterosexual": 88, "Gay or lesbian": 2, "Bisexual": 1.4, "Other": 0.6,
        "Prefer not to say": 8}))
    p["postcode"] = pick(rng, profile.get("district", DISTRICT_WEIGHTS))
    towns, villages = DISTRICTS[p["postcode"]]
    rural = not towns or rng.random() < 0.3
    p["place"] = rng.choice(villages) if rural else rng.choice(towns)
    p["town"] = rng.choice(towns) if towns else "Macclesfield"
    p["village"] = p["place"] if rural else rng.choice(villages)
    p["rural"] = rural

    def yes(prob):
        return "yes" if rng.random() < prob else "no"

    boost = profile.get("boost", {})
    p["carer"] = yes(boost.get("carer", 0.18 if age in ("45-54", "55-64", "65-74") else 0.09))
    p["ltc"] = yes(boost.get("ltc", {"16-24": 0.08, "25-34": 0.1, "35-44": 0.15, "45-54": 0.25,
                                     "55-64": 0.35, "65-74": 0.5, "75-84": 0.62, "85+": 0.7}[age]))
    p["disability"] = yes(boost.get("disability", 0.3 if age in ("75-84", "85+") else 0.09))
    p["mh"] = yes(boost.get("mh", 0.12 if not older else 0.06))
    under5 = age in ("25-34", "35-44") or (age in ("16-24", "45-54") and rng.random() < 0.3)
    p["parent5"] = yes(boost.get("parent5", 0.32) if under5 else 0.0)
    if older:
        p["lives_alone"] = yes(boost.get("alone", {"65-74": 0.24, "75-84": 0.4, "85+": 0.58}[age]))
        p["work"] = pick(rng, {"retired": 90, "employed": 4, "self-employed": 3, "full-time carer": 3})
    elif young:
        p["lives_alone"] = yes(0.04)
        p["work"] = pick(rng, {"student": 58, "employed": 30, "not working": 12})
    else:
        p["lives_alone"] = yes(boost.get("alone", 0.13))
        p["work"] = pick(rng, profile.get("work", {
            "employed": 64, "self-employed": 13, "not working": 8, "full-time carer": 4,
            "retired": 11 if age == "55-64" else 1}))
    if p["carer"] == "yes" and p["work"] == "not working" and rng.random() < 0.5:
        p["work"] = "full-time carer"
    # Groups this person speaks for, in order of how strongly.
    g = []
    if p["mh"] == "yes":
        g.append("mental-health")
    if p["parent5"] == "yes" and p["gender"] == "Female":
        g.append("new-mothers")
    if p["parent5"] == "yes" and p["work"] in ("employed", "self-employed"):
        g.append("working-parents")
    if young:
        g.append("younger-people")
    if older and p["lives_alone"] == "yes":
        g.append("older-isolated")
    if p["ethnicity"] not in ("White British", "Prefer not to say"):
        g.append("bme")
    if p["orientation"] in ("Gay or lesbian", "Bisexual", "Other"):
        g.append("lgbt")
    p["groups"] = g
    return p


def intro(rng, p):
    """A sentence in which people say who they are, when they choose to."""
    options = []
    if p["age"] in OLDER and p["lives_alone"] == "yes":
        options += [f"I'm {p['years']} and live on my own in {p['place']}.",
                    f"I am {p['years']}, widowed, and live alone.",
                    f"I'm in my {p['years'] // 10 * 10}s and live by myself."]
    if p["carer"] == "yes":
        relations = [r for r in RELATIONS if r not in ("husband", "wife")] + partner_words(p)
        options += [f"I care for my {rng.choice(relations)} who has {rng.choice(CONDITIONS)}.",
                    f"I look after my {rng.choice(relations)} ({rng.choice(CONDITIONS)}).",
                    "I'm a carer."]
    if p["parent5"] == "yes":
        options += ["Mum of two under five.", "I've got a toddler and a new baby.",
                    "As a parent of a two year old,", "Dad of a three year old here."
                    if p["gender"] == "Male" else "Mum of a three year old here."]
    if p["ltc"] == "yes":
        mc = rng.choice(MY_CONDITIONS)
        options += [f"I have {mc} so I see a lot of the NHS.", f"I've lived with {mc} for {rng.randint(3, 30)} years."]
    if p["work"] in ("employed", "self-employed") and p["age"] not in OLDER + ("16-24",):
        options += [f"I work full time in {rng.choice(['Manchester', 'Stockport', 'Macclesfield', 'Crewe', 'Stoke', 'Alderley Park'])}.",
                    "I work shifts."]
    if p["age"] == "16-24":
        options += ["I'm at college in Macclesfield.", f"I'm {p['years']}."]
    if p["rural"]:
        options += [f"We live out in {p['place']}.", f"I live in {p['place']}."]
    return rng.choice(options) if options else ""


# --------------------------------------------------------------------------
# The composer
# --------------------------------------------------------------------------

def partner_words(p):
    """Which of husband and wife a person could plausibly speak of as their own."""
    gay = p["orientation"] == "Gay or lesbian"
    if p["gender"] == "Female":
        return ["wife"] if gay else ["husband"]
    if p["gender"] == "Male":
        return ["husband"] if gay else ["wife"]
    return ["partner"]


def fill(rng, template, p):
    spouse = partner_words(p)
    rel = rng.choice(["Mum", "Dad", "my mother", "my father"] + ["my " + w for w in spouse])
    relations = [r for r in RELATIONS if r not in ("husband", "wife")] + spouse
    subs = {
        "hosp": hospital(rng, p["postcode"]),
        "local": LOCAL_HOSPITAL.get(p["postcode"], rng.choice(["Congleton War Memorial Hospital",
                                                                "Knutsford community hospital",
                                                                "the health centre in " + p["town"]])),
        "far": rng.choice(FAR_HOSPITALS),
        "town": p["town"], "village": p["village"], "place": p["place"],
        "rel": rng.choice(relations), "Rel": rel[0].upper() + rel[1:],
        "cond": rng.choice(CONDITIONS), "mycond": rng.choice(MY_CONDITIONS),
        "n": rng.choice(["Five", "Six", "Seven", "Eight", "Nine", "Eleven"]),
        "nth": rng.choice(["23rd", "17th", "31st", "12th", "40th", "9th"]),
        "mins": rng.choice([25, 35, 40, 45, 50, 55]),
        "weeks": rng.choice([2, 3, 3, 4, 5, 6]),
        "months": rng.choice([3, 4, 6, 8, 9, 11]),
        "years": rng.choice([2, 3, 4, 5, 7, 10, 12]),
        "oldage": rng.randint(82, 94),
        "ward": rng.choice(["3", "4", "6", "7", "9", "11"]),
        "day": rng.choice(["Friday", "Saturday", "Friday afternoon", "Saturday morning"]),
        "parking": rng.choice(["£2.50", "£3", "£3.80", "£4.20", "£5", "£60", "£45"]),
        "monthname": rng.choice(["January", "March", "April", "May", "August", "October", "November"]),
        "taxi": rng.choice(["£15", "£18", "£22", "£25", "£30", "£35"]),
    }
    return template.format(**subs)


def choose_themes(rng, p, k):
    weights = dict(THEME_WEIGHTS)
    if p["carer"] == "yes":
        weights["carers"] += 18
    if p["rural"]:
        weights["transport-rural"] += 14
    if p["ltc"] == "yes":
        weights["self-care"] += 4
        weights["information-sharing"] += 4
    for g in p["groups"]:
        for t in GROUP_THEME_HINTS[g]:
            weights[t] += 4
    chosen = []
    while len(chosen) < k:
        t = pick(rng, weights)
        if t not in chosen:
            chosen.append(t)
    return chosen


def polarity_for(rng, question):
    if question == Q_WORKS:
        return "good" if rng.random() < 0.82 else "bad"
    if question == Q_BETTER:
        return "bad"
    if question == Q_FUTURE:
        return "future" if rng.random() < 0.85 else "bad"
    return rng.choice(["bad", "bad", "good", "future"])


def join_sentences(rng, sentences):
    """Sentences into running text, with the odd linking word."""
    out = []
    for i, s in enumerate(sentences):
        if s.startswith(NOLINK):
            out.append(s[len(NOLINK):])
            continue
        if (i > 0 and rng.random() < 0.2 and s[:1].isupper()
                and not s.startswith(tuple(CONTRASTS)) and s != lower_first(s)):
            s = f"{rng.choice(ADDITIONS)} {lower_first(s)}"
        out.append(s)
    return " ".join(out)


# Carers' fragments in the first person: only carers say these.
CARER_VOICE = ("As a carer", "I care for my", "Respite once a month", "The carers support group",
               "The Admiral nurse", "The carers centre", "The carer's assessment")


def fits(fragment, p):
    """Whether a fragment suits the person saying it (some speak of a husband, a birth...)."""
    if "gay man" in fragment:
        return p["gender"] == "Male"
    if fragment.startswith(CARER_VOICE) and p["carer"] != "yes":
        return False
    if "alone" in fragment or "Widowed" in fragment:
        if p["lives_alone"] != "yes":
            return False
    if ("she " in fragment.lower() or "herself" in fragment or "Husband in" in fragment) \
            and fragment in PHONE_NOTES and p["gender"] != "Female":
        return False
    gay = p["orientation"] == "Gay or lesbian"
    if "y husband" in fragment and p["gender"] != "Female" and not gay:
        return False
    if "y wife" in fragment and p["gender"] != "Male" and not gay:
        return False
    if "my husband died" in fragment or "after the birth" in fragment or "Breastfeeding" in fragment:
        return p["gender"] == "Female"
    return True


class Composer:
    def __init__(self, rng):
        self.rng = rng
        self.used = {}        # fragment -> times used, to spread the banks evenly
        self.seen = set()     # texts already written, to avoid accidental duplicates
        self.current = set()  # fragments used in the response being composed
        self.themes_used = []  # themes whose fragments the response being composed uses

    def fragment(self, bank, p):
        rng = self.rng
        # prefer the least used fragments of the bank
        fitting = [f for f in bank if fits(f, p)] or bank
        fresh = [f for f in fitting if f not in self.current] or fitting
        least = min(self.used.get(f, 0) for f in fresh)
        pool = [f for f in fresh if self.used.get(f, 0) <= least + 1]
        f = rng.choice(pool)
        self.used[f] = self.used.get(f, 0) + 1
        self.current.add(f)
        return fill(rng, f, p)

    def theme_sentences(self, theme, polarity, p):
        bank = THEMES[theme].get(polarity) or THEMES[theme]["bad"]
        if theme not in self.themes_used:
            self.themes_used.append(theme)
        return self.fragment(bank, p)

    def compose(self, p, question, style, group_bias=None):
        """One response in a person's voice. style: dict of length weights and channel quirks."""
        rng = self.rng
        for _attempt in range(20):
            self.current = set()
            self.themes_used = []
            text = self._compose_once(p, question, style, group_bias)
            # Two people rarely write the same ten words or more: compare as words,
            # ignoring case and punctuation, as near-duplicate detection does.
            key = " ".join(re.findall(r"\w+", text.lower()))
            if key not in self.seen or len(key.split()) < 10:
                self.seen.add(key)
                return text
        return text

    def _compose_once(self, p, question, style, group_bias):
        rng = self.rng
        length = pick(rng, style["length"])
        if length == "word":
            return rng.choice(SHORT[question])
        polarity = polarity_for(rng, question)
        n_main = {"short": 1, "medium": rng.choice([1, 2, 2]), "long": rng.choice([2, 3]),
                  "story": 3}[length]
        n_other = {"short": 0, "medium": rng.choice([0, 0, 1]), "long": rng.choice([1, 1, 2]),
                   "story": rng.choice([3, 4])}[length]

        # What the response is mainly about: the person's own situation, or a theme.
        groups = list(p["groups"])
        gprob = style.get("group_prob", 0.3)
        if group_bias and group_bias in groups:
            groups = [group_bias]
            gprob = style.get("bias_prob", 0.75)
        sentences = []
        about_group = bool(groups) and rng.random() < gprob
        if about_group and question != Q_BETTER:
            polarity = "group"       # their own situation, good or bad: no stock reactions
        if about_group:
            bank = GROUP_BANKS[rng.choice(groups)]
            for _ in range(n_main):
                f = self.fragment(bank, p)
                if f not in sentences:
                    sentences.append(f)
            others = choose_themes(rng, p, n_other) if n_other else []
            if polarity == "group":
                polarity = polarity_for(rng, question)
                elaborate = False
            else:
                elaborate = True
        else:
            themes = choose_themes(rng, p, 1 + n_other)
            main, others = themes[0], themes[1:]
            elaborate = True
            for _ in range(n_main):
                f = self.theme_sentences(main, polarity, p)
                if f not in sentences:
                    sentences.append(f)
        if elaborate and length != "short" and rng.random() < 0.35:
            # NOLINK marks a sentence that takes no linking word in front of it
            sentences.insert(1, NOLINK + fill(rng, rng.choice(ELABORATE[polarity]), p))
        for t in others:
            sentences.append(self.theme_sentences(t, polarity, p))
        # an answer to "what works well" often turns to what doesn't
        turned = False
        if question == Q_WORKS and polarity == "good" and length != "short" and rng.random() < 0.4:
            t = choose_themes(rng, p, 1)[0]
            sentences.append(rng.choice(CONTRASTS) + " " + lower_first(self.theme_sentences(t, "bad", p)))
            turned = True

        intro_s = ""
        if length != "short" and rng.random() < style.get("intro_prob", 0.35):
            intro_s = intro(rng, p)
        if length == "story":
            sentences.insert(len(sentences) // 2, NOLINK + fill(rng, rng.choice(ELABORATE[polarity]), p))
        if length in ("long", "story"):
            text = self._paragraphs(sentences, style, 3 if length == "story" else rng.choice([1, 1, 2]))
        else:
            text = join_sentences(rng, sentences)
        r = rng.random()
        if r < 0.15 and not turned and not (about_group and question != Q_BETTER):
            text = rng.choice(OPENERS_STAND[polarity]) + " " + text
        elif r < 0.3 and not intro_s:
            text = rng.choice(OPENERS_RUN[polarity]) + " " + lower_first(text)
        if intro_s:
            if intro_s.endswith(","):
                text = intro_s + " " + lower_first(text)
            else:
                text = intro_s + ("\n\n" if length in ("long", "story") and rng.random() < 0.3
                                  else " ") + text
        if rng.random() < style.get("closer_prob", 0.15):
            text += ("\n\n" if "\n" in text else " ") + rng.choice(CLOSERS)
        return text

    def _paragraphs(self, sentences, style, breaks):
        rng = self.rng
        if not style.get("paragraphs", True):
            return join_sentences(rng, sentences)
        cut = sorted(rng.sample(range(1, len(sentences)), k=min(len(sentences) - 1, breaks)))
        parts, last = [], 0
        for c in cut + [len(sentences)]:
            parts.append(join_sentences(rng, sentences[last:c]))
            last = c
        sep = rng.choice(["\n\n", "\n\n", "\n"])
        return sep.join(parts)


def lower_first(s):
    if s[:1].isupper() and not s.startswith(("I ", "I'", "GP", "A&E", "Mum", "Dad", "MDGH",
                                               "Macc", "Congleton", "Knutsford", "English", "IAPT", "NHS",
                                               "CAMHS", "Trans", "LGBT")):
        return s[0].lower() + s[1:]
    return s


def finish(rng, text, style):
    """Channel quirks: typos, typographic quotes, casual punctuation."""
    if not text:
        return text
    if rng.random() < style.get("typo_prob", 0.15):
        text = add_typos(rng, text, rng.choice([1, 1, 2, 3]))
    if rng.random() < style.get("casual_prob", 0.2):
        text = casual(rng, text)
    if rng.random() < style.get("curly_prob", 0.3):
        text = curl(text)
    return text


# --------------------------------------------------------------------------
# Events and channels
# --------------------------------------------------------------------------

GENERAL_AGE = {"16-24": 7, "25-34": 10, "35-44": 14, "45-54": 18, "55-64": 18,
               "65-74": 17, "75-84": 11, "85+": 5}

STYLES = {
    "online": {"length": {"word": 5, "short": 27, "medium": 38, "long": 24, "story": 6},
               "typo_prob": 0.18, "curly_prob": 0.55, "casual_prob": 0.25, "closer_prob": 0.18},
    "supermarket": {"length": {"word": 18, "short": 57, "medium": 25},
                    "typo_prob": 0.06, "curly_prob": 0.15, "casual_prob": 0.3, "closer_prob": 0.02,
                    "intro_prob": 0.15, "paragraphs": False},
    "community": {"length": {"word": 9, "short": 45, "medium": 38, "long": 8},
                  "typo_prob": 0.08, "curly_prob": 0.25, "casual_prob": 0.2, "closer_prob": 0.08,
                  "paragraphs": False},
    "telephone": {"length": {"word": 6, "short": 42, "medium": 42, "long": 10},
                  "typo_prob": 0.05, "curly_prob": 0.05, "casual_prob": 0.1, "closer_prob": 0.03,
                  "group_prob": 0.45, "paragraphs": False},
    "outreach": {"length": {"word": 3, "short": 40, "medium": 45, "long": 12},
                 "typo_prob": 0.12, "curly_prob": 0.45, "casual_prob": 0.25, "closer_prob": 0.05,
                 "group_prob": 0.5, "bias_prob": 0.75},
}

QUESTION_MIX = {
    "online": {Q_WORKS: 25, Q_BETTER: 35, Q_FUTURE: 25, Q_ELSE: 15},
    "supermarket": {Q_WORKS: 35, Q_BETTER: 45, Q_FUTURE: 15, Q_ELSE: 5},
    "community": {Q_WORKS: 30, Q_BETTER: 35, Q_FUTURE: 25, Q_ELSE: 10},
    "telephone": {Q_WORKS: 30, Q_BETTER: 35, Q_FUTURE: 25, Q_ELSE: 10},
    "outreach": {Q_WORKS: 25, Q_BETTER: 40, Q_FUTURE: 25, Q_ELSE: 10},
}

# Which attributes each channel collects (the rest are left empty).
COLLECTS = {
    "online": ATTRS,
    "supermarket": ["Age band", "Gender", "Postcode district"],
    "community": ["Age band", "Gender", "Ethnicity", "Postcode district", "Carer", "Disability",
                  "Long-term condition", "Working status", "Lives alone"],
    "telephone": ["Age band", "Gender", "Carer", "Long-term condition", "Lives alone"],
    "outreach": [a for a in ATTRS if a != "Postcode district"] + ["Postcode district"],
}

SUPERMARKETS = [  # event, district weights, visit dates
    ("Tesco Macclesfield", {"SK10": 50, "SK11": 45, "SK17": 5}, ["2014-05-29", "2014-06-07", "2014-06-21"]),
    ("Sainsbury's Macclesfield", {"SK10": 45, "SK11": 55}, ["2014-06-12"]),
    ("Sainsbury's Wilmslow", {"SK9": 85, "SK10": 10, "WA16": 5}, ["2014-05-31", "2014-06-14"]),
    ("Morrisons Congleton", {"CW12": 85, "CW4": 10, "SK11": 5}, ["2014-06-03", "2014-06-19"]),
    ("Waitrose Knutsford", {"WA16": 85, "SK9": 10, "CW4": 5}, ["2014-06-10", "2014-06-26"]),
    ("Tesco Handforth Dean", {"SK9": 70, "SK12": 20, "SK10": 10}, ["2014-06-17"]),
    ("Co-op Poynton", {"SK12": 90, "SK10": 10}, ["2014-06-24"]),
]
SUPERMARKET_COUNTS = [80, 35, 60, 60, 45, 40, 30]

COMMUNITY_CENTRES = [
    ("Bollington Community Centre", {"SK10": 95, "SK11": 5}, ["2014-06-04"]),
    ("Handforth Community Centre", {"SK9": 90, "SK12": 10}, ["2014-06-09"]),
    ("Poynton Civic Hall", {"SK12": 90, "SK10": 10}, ["2014-06-11"]),
    ("Congleton Senior Citizens Hall", {"CW12": 90, "CW4": 10}, ["2014-06-16"]),
    ("Knutsford Civic Centre", {"WA16": 90, "SK9": 10}, ["2014-06-18"]),
    ("Holmes Chapel Community Centre", {"CW4": 90, "CW12": 10}, ["2014-06-25"]),
]
COMMUNITY_COUNTS = [42, 35, 38, 35, 30, 20]

OUTREACH = [  # event, date, count, group bias, profile
    ("Mums and tots group, Macclesfield", "2014-07-02", 40, "new-mothers", {
        "age": {"16-24": 10, "25-34": 50, "35-44": 38, "45-54": 2},
        "gender": {"Female": 92, "Male": 8},
        "district": {"SK10": 55, "SK11": 45},
        "boost": {"parent5": 0.97, "carer": 0.04, "ltc": 0.06, "mh": 0.12, "alone": 0.05},
        "work": {"employed": 40, "self-employed": 8, "not working": 52}}),
    ("Mental health forum, Congleton", "2014-07-08", 40, "mental-health", {
        "age": {"16-24": 8, "25-34": 18, "35-44": 22, "45-54": 24, "55-64": 18, "65-74": 10},
        "district": {"CW12": 75, "CW4": 10, "SK11": 15},
        "boost": {"mh": 0.95, "alone": 0.35, "disability": 0.35},
        "work": {"employed": 30, "self-employed": 5, "not working": 55, "full-time carer": 10}}),
    ("Youth club, Knutsford", "2014-07-10", 40, "younger-people", {
        "age": {"16-24": 100},
        "gender": {"Female": 48, "Male": 46, "Non-binary": 4, "Prefer not to say": 2},
        "district": {"WA16": 90, "SK9": 10},
        "orientation": {"Heterosexual": 78, "Gay or lesbian": 4, "Bisexual": 6, "Other": 2,
                        "Prefer not to say": 10},
        "boost": {"carer": 0.08, "mh": 0.18}}),
    ("BME community group, Macclesfield", "2014-07-15", 40, "bme", {
        "age": {"16-24": 8, "25-34": 22, "35-44": 25, "45-54": 20, "55-64": 13, "65-74": 9, "75-84": 3},
        "ethnicity": {"Asian or Asian British": 46, "Black or Black British": 14, "Mixed": 10,
                      "Other": 10, "White other": 12, "White British": 5, "Prefer not to say": 3},
        "district": {"SK10": 50, "SK11": 40, "SK9": 10}}),
    ("LGBT+ social group, Macclesfield", "2014-07-17", 35, "lgbt", {
        "age": {"16-24": 14, "25-34": 22, "35-44": 20, "45-54": 18, "55-64": 14, "65-74": 10, "75-84": 2},
        "gender": {"Female": 40, "Male": 46, "Non-binary": 10, "Prefer not to say": 4},
        "orientation": {"Gay or lesbian": 56, "Bisexual": 24, "Other": 8, "Heterosexual": 5,
                        "Prefer not to say": 7},
        "district": {"SK10": 40, "SK11": 30, "SK9": 20, "CW12": 10},
        "boost": {"alone": 0.3, "mh": 0.2}}),
    ("Age UK lunch club, Wilmslow", "2014-07-22", 40, "older-isolated", {
        "age": {"65-74": 18, "75-84": 50, "85+": 32},
        "gender": {"Female": 70, "Male": 30},
        "district": {"SK9": 90, "WA16": 5, "SK10": 5},
        "boost": {"alone": 0.72}}),
    ("Working parents evening session, Congleton", "2014-07-23", 35, "working-parents", {
        "age": {"25-34": 40, "35-44": 48, "45-54": 12},
        "district": {"CW12": 80, "CW4": 15, "SK11": 5},
        "boost": {"parent5": 0.8, "alone": 0.05},
        "work": {"employed": 80, "self-employed": 20}}),
    ("Rural coffee morning, Bollington", "2014-07-29", 30, "older-isolated", {
        "age": {"35-44": 6, "45-54": 10, "55-64": 18, "65-74": 30, "75-84": 26, "85+": 10},
        "district": {"SK10": 80, "SK11": 15, "SK17": 5},
        "boost": {"alone": 0.4}}),
]


def attributes(rng, p, channel):
    values = {"Age band": p["age"], "Gender": p["gender"], "Ethnicity": p["ethnicity"],
              "Sexual orientation": p["orientation"], "Postcode district": p["postcode"],
              "Carer": p["carer"], "Disability": p["disability"], "Long-term condition": p["ltc"],
              "Mental health condition": p["mh"], "Parent under 5": p["parent5"],
              "Working status": p["work"], "Lives alone": p["lives_alone"]}
    collected = COLLECTS[channel]
    skip = {"online": 0.06, "outreach": 0.08, "community": 0.04, "telephone": 0.03,
            "supermarket": 0.05}[channel]
    out = {}
    for a in ATTRS:
        if a in collected and rng.random() >= skip:
            out[a] = values[a]
        else:
            out[a] = ""
    if channel == "outreach" and rng.random() < 0.15:
        out["Sexual orientation"] = ""   # not every group was asked
    return out


def row(rid, date, event, channel, question, text, attrs):
    r = {"Response ID": rid, "Date": date, "Event": event, "Channel": channel,
         "Question": question, "Response": text}
    r.update(attrs)
    return r


SHINGLES_WRITTEN = []  # word 3-shingle sets of the longer texts written so far
THEMES_OF_TEXT = {}    # response text -> the themes it was written about (for coding.csv)


def shingles(text):
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}


def near_copy(text):
    """True when a text of ten words or more is nearly one already written: two
    people rarely send the same words (the campaign is written on purpose)."""
    own = shingles(text)
    if len(own) < 8:
        return False
    for other in SHINGLES_WRITTEN:
        if len(own & other) >= 0.6 * min(len(own), len(other)):
            return True
    return False


def response_text(rng, comp, p, question, kind, group_bias=None, extras=None):
    """A response with the occasional off-topic comment or personal detail,
    never a near copy of an earlier one."""
    for _attempt in range(30):
        text = response_text_once(rng, comp, p, question, kind, group_bias, extras)
        if not near_copy(text):
            break
    own = shingles(text)
    if len(own) >= 8:
        SHINGLES_WRITTEN.append(own)
    THEMES_OF_TEXT[text] = list(comp.themes_used)
    return text


def response_text_once(rng, comp, p, question, kind, group_bias=None, extras=None):
    extras = extras or {}
    comp.themes_used = []
    r = rng.random()
    if r < extras.get("off_topic", 0.03):
        text = fill(rng, rng.choice(OFF_TOPIC), p)
        if rng.random() < 0.3:
            text = comp.theme_sentences(choose_themes(rng, p, 1)[0], "bad", p) + " " + text
    else:
        text = comp.compose(p, question, STYLES[kind], group_bias)
    if rng.random() < extras.get("personal", 0.036):
        detail = personal_detail(rng, p)
        text = (text + (" " if rng.random() < 0.6 else "\n") + detail) if len(text) > 3 else detail
    return finish(rng, text, STYLES[kind])


def online_survey(rng, comp, n=555):
    rows = []
    profile = {"age": {"16-24": 4, "25-34": 12, "35-44": 20, "45-54": 24, "55-64": 22,
                       "65-74": 12, "75-84": 5, "85+": 1}}
    campaign = [CAMPAIGN] * 21 + CAMPAIGN_VARIANTS[:7]
    slots = set(rng.sample(range(n), len(campaign)))
    camp_iter = iter(rng.sample(campaign, len(campaign)))
    for i in range(n):
        day = datetime.date(2014, 6, 1) + datetime.timedelta(days=min(29, int(rng.triangular(0, 29, 6))))
        question = pick(rng, QUESTION_MIX["online"])
        if i in slots:
            p = person(rng, dict(profile, district={"CW12": 90, "CW4": 10}))
            text = next(camp_iter)
            question = rng.choice([Q_ELSE, Q_ELSE, Q_FUTURE])
        else:
            p = person(rng, profile)
            text = response_text(rng, comp, p, question, "online")
        rows.append(row(f"ON-{i + 1:04d}", day.strftime("%d/%m/%Y"), "Online survey", "Online survey",
                        question, text, attributes(rng, p, "online")))
    return rows


def supermarkets(rng, comp):
    rows, i = [], 0
    for (event, districts, dates), count in zip(SUPERMARKETS, SUPERMARKET_COUNTS):
        profile = {"age": GENERAL_AGE, "district": districts}
        campaign = []
        if event == "Morrisons Congleton":
            campaign = [CAMPAIGN] * 2 + [CAMPAIGN_VARIANTS[7]]
        slots = set(rng.sample(range(count), len(campaign)))
        camp_iter = iter(campaign)
        for j in range(count):
            i += 1
            p = person(rng, profile)
            question = pick(rng, QUESTION_MIX["supermarket"])
            if j in slots:
                text, question = next(camp_iter), Q_ELSE
            else:
                text = response_text(rng, comp, p, question, "supermarket")
            rows.append(row(f"F2F-S-{i:04d}", rng.choice(dates), event, "Face-to-face survey",
                            question, text, attributes(rng, p, "supermarket")))
    return rows


def community_centres(rng, comp):
    rows, i = [], 0
    age = {"16-24": 3, "25-34": 6, "35-44": 9, "45-54": 12, "55-64": 18, "65-74": 25,
           "75-84": 19, "85+": 8}
    for (event, districts, dates), count in zip(COMMUNITY_CENTRES, COMMUNITY_COUNTS):
        profile = {"age": age, "district": districts}
        campaign = [CAMPAIGN] * 2 + [CAMPAIGN_VARIANTS[8]] if event.startswith("Congleton") else []
        slots = set(rng.sample(range(count), len(campaign)))
        camp_iter = iter(campaign)
        for j in range(count):
            i += 1
            p = person(rng, profile)
            question = pick(rng, QUESTION_MIX["community"])
            if j in slots:
                text, question = next(camp_iter), rng.choice([Q_ELSE, Q_FUTURE])
            else:
                text = response_text(rng, comp, p, question, "community")
            rows.append(row(f"F2F-C-{i:04d}", dates[0], event, "Face-to-face survey",
                            question, text, attributes(rng, p, "community")))
    return rows


def telephone(rng, comp, n=150, declined=47, bad_date=112):
    rows = []
    profile = {"age": {"45-54": 3, "55-64": 8, "65-74": 28, "75-84": 38, "85+": 23},
               "boost": {"alone": 0.6}}
    campaign = [CAMPAIGN_VARIANTS[9]]
    camp_slot = 81
    for i in range(1, n + 1):
        p = person(rng, profile)
        question = pick(rng, QUESTION_MIX["telephone"])
        day = datetime.date(2014, 7, 1) + datetime.timedelta(days=rng.randrange(0, 18))
        date = day.strftime("%d/%m/%Y")
        if i == declined:
            text = ""                       # deliberately bad: the person declined to answer
        elif i == camp_slot:
            text = campaign[0]
        else:
            text = response_text(rng, comp, p, question, "telephone")
            if text and rng.random() < 0.22:
                notes = [n for n in PHONE_NOTES if fits(n, p)]
                text = fill(rng, rng.choice(notes), p) + " " + text
        if i == bad_date:
            date = "31/06/2014"             # deliberately bad: June has 30 days
        rows.append(row(f"TEL-{i:04d}", date, "Telephone survey", "Telephone", question, text,
                        attributes(rng, p, "telephone")))
    return rows


def outreach(rng, comp):
    rows, i = [], 0
    for event, date, count, bias, profile in OUTREACH:
        for _ in range(count):
            i += 1
            p = person(rng, profile)
            question = pick(rng, QUESTION_MIX["outreach"])
            text = response_text(rng, comp, p, question, "outreach", group_bias=bias)
            rows.append(row(f"OUT-{i:04d}", date, event, "Outreach", question, text,
                            attributes(rng, p, "outreach")))
    return rows


# --------------------------------------------------------------------------
# Stakeholder panels (notes taken at the tables)
# --------------------------------------------------------------------------

CONGLETON_PANEL = {
    "title": "Caring Together stakeholder panel 2",
    "event": "Congleton stakeholder panel", "date": "2014-05-21", "place": "Congleton",
    "attendees": 40,
    "topics": [
        ("Models of care", [
            "General support for the proposed models of care, and for providing more services in the community.",
            "Services will be local, meaning less travelling for patients and families.",
            "Better access to clinicians, good staff and specialists was seen as the main benefit.",
            "Not clear how the different models of care interlink; several tables confused the community hub with the integrated team.",
            "How will the trade-off between high quality and local accessibility be addressed? People want both.",
            "How will statutory and legislative requirements affect the way the models are put in place?",
            "{carer: yes} A carer asked where family carers fit in the models - they are not on any of the diagrams.",
            "Concern that the models are designed around organisations, not around the person.",
            "Primary care and community services need to be integrated first; the hospital should follow.",
            "Several people asked what \"integrated care\" would actually feel like from the patient's side.",
            "Would the community hubs be in existing buildings? Congleton War Memorial Hospital was suggested as an obvious one.",
            "Patient-centred care has to mean the patient is actually asked, not just talked about.",
        ]),
        ("One point of access and signposting", [
            "One clear point of access and better signposting into services would be a major benefit, particularly in primary care.",
            "People don't know who to call out of hours; 111, the GP and the walk-in centre all tell you different things.",
            "A single phone number only works if the person answering can actually book things, not just pass you on.",
            "{carer: yes; age_band: 65-74} As a carer I spend hours on the phone being passed around between the council and the hospital.",
            "The voluntary sector should be part of the front door - Age UK and the carers centre already do a lot of signposting.",
            "Signposting needs to reach people who don't use the internet.",
            "GP receptionists could be trained as navigators if they had the time.",
            "Several people said a named care co-ordinator matters more than a phone number.",
        ]),
        ("Information sharing", [
            "How will partner organisations and their systems actually work together? The IT does not talk.",
            "Patients are fed up of telling their story again and again to each professional.",
            "A shared record was widely supported provided people give consent and can see who has looked at it.",
            "Concern about data security after recent news stories about lost records.",
            "The hospital discharge letter often arrives at the practice after the patient has already been in to see the GP.",
            "Social care and health should use the same assessment so people are not assessed twice.",
            "Patient-held records, like the red book for babies, were suggested for older people with complex needs.",
            "Information sharing between GP out of hours and the practice works well and could be a model.",
            "People were surprised that the hospital cannot see the GP record in an emergency.",
        ]),
        ("Empowering people", [
            "Empowering patients is essential if the proposals are to truly deliver patient centred care.",
            "How exactly will patients be empowered? The proposals say so but don't explain how.",
            "How will vulnerable and socially isolated groups be reached, and will they cope with more technology?",
            "Self-management courses for long-term conditions work but waiting lists are long.",
            "{long_term_condition: yes} I've managed my diabetes for 20 years; give me the tools and trust me to get on with it.",
            "People need the confidence to ask questions of professionals; some older people won't challenge a doctor.",
            "Personal budgets were welcomed but people were worried about the paperwork.",
            "Peer support groups should be funded properly, they empower people more than leaflets do.",
        ]),
        ("Information overload and jargon", [
            "Information overload and jargon made it difficult to understand the models of care.",
            "The presentation had too many acronyms - CCG, CWP, ECT, QIPP - the public don't know what they mean.",
            "Plain English summaries of the proposals are needed before anything goes out to the public.",
            "Some felt there were too many consultations and not enough feedback about what happened as a result.",
            "Easy read versions needed for people with learning disabilities.",
        ]),
        ("Technology", [
            "Telemedicine was welcomed, including for people who are not IT users, if the kit is simple.",
            "Concern that older people in rural areas won't have the broadband for telehealth.",
            "Skype consultations would save travel for routine follow-ups.",
            "Technology must not replace the human contact that isolated people value.",
            "Text reminders have cut missed appointments at one practice; could be used everywhere.",
            "Telecare pendants help people stay at home but response times need to be guaranteed.",
        ]),
        ("Transport and rural access", [
            "Transport and accessibility, and how the models would meet the needs of rural communities, was an important topic.",
            "People would travel for high quality specialist care when needed, but how far and for what needs to be determined.",
            "Buses from the villages round Congleton don't run at times that fit hospital appointments.",
            "Parking charges at Macclesfield hospital came up at every table.",
            "Community transport schemes rely on volunteers and are already stretched.",
            "If services are moved out of the hospital into the community, the community needs transport that works.",
            "{age_band: 75-84} I had to pay £28 for a taxi to Macclesfield for a ten minute appointment.",
        ]),
        ("Prevention", [
            "More health prevention measures were welcomed.",
            "Prevention has to start with schools and young families, not just older people.",
            "Leisure centres and community groups could do more if they were linked to GP practices.",
            "Falls prevention was seen as an area where early help would save a lot of hospital admissions.",
            "Health checks for people over 75 who haven't seen their GP in a year were suggested.",
            "{disability: yes} Make sure the prevention classes are in buildings people with disabilities can get into.",
        ]),
    ],
}

MACCLESFIELD_PANEL = {
    "title": "Caring Together stakeholder panel 3: now and then",
    "event": "Macclesfield stakeholder panel", "date": "2014-07-25",
    "place": "Masonic Hall, Macclesfield", "attendees": 70,
    "topics": [
        ("The Cranford family now: what works well", [
            "The GP knows the family well and that relationship is valued; people said the same of their own GPs.",
            "District nurses were praised at every table.",
            "Pharmacists are an under-used source of advice and were seen as easy to get to.",
            "The voluntary sector fills a lot of gaps - lunch clubs, befriending, carers groups.",
            "When a crisis happens, the ambulance and A&E staff are excellent.",
            "Age UK's wellbeing co-ordinator was mentioned as a good example of someone who helps people find their way.",
            "Some practices already run multi-disciplinary meetings and these work well.",
            "Edward's pride and independence rang true - people want to stay in control.",
            "The community matron for people with long-term conditions was described as a lifesaver.",
            "Respite at the local community hospital is valued by carers.",
        ]),
        ("The Cranford family now: what doesn't work", [
            "A straightforward appointment spiralling out of control was familiar to most of the room.",
            "Liz taking time off work to get Elsie to an appointment was recognised by many working carers.",
            "Nobody co-ordinates the care; the family end up doing it.",
            "Elsie being asked the same questions by four professionals in a day was seen as typical, not dramatic licence.",
            "{carer: yes; age_band: 75-84} Like Edward, I care for my wife and nobody has ever asked me how I am.",
            "Getting through to the GP surgery in the morning is the first hurdle.",
            "Hospital discharge on a Friday afternoon without care in place was a common experience.",
            "Social services and health have different rules about who pays, and families get caught in the middle.",
            "Carers are not given information because of confidentiality, even when the patient wants them to have it.",
            "The amount of paperwork and leaflets given to families is overwhelming.",
            "Transport: the Cranfords' appointment at Macclesfield took most of a day because of the bus.",
            "Out-of-hours care does not know the patient's history.",
            "Dementia diagnosis takes too long and support after diagnosis is patchy.",
            "People with mental health problems often get stuck between services.",
        ]),
        ("The Cranford family then: the future model", [
            "The afternoon scenario, with one co-ordinator and a shared plan, was welcomed.",
            "People liked the idea of a named person for each family with complex needs.",
            "Questions about whether there will be enough staff to make the future model work.",
            "The future scenario looked good but people asked how it would be paid for.",
            "Some felt the future model was still built around professionals; the family should hold the plan.",
            "Care closer to home, with the specialist coming to the community, was strongly supported.",
            "There were concerns that the community hospitals might close if care moves into people's homes.",
            "A care plan that the family, GP, hospital and social care can all see was seen as the single biggest improvement.",
            "Would the integrated team work at weekends? Crises don't keep office hours.",
            "The future model must work for people without family nearby, not just for families like the Cranfords.",
        ]),
        ("One point of access and care co-ordination", [
            "A single point of access for health and social care was strongly supported.",
            "The single point of access must be staffed by people with local knowledge.",
            "Care co-ordinators should have the authority to get things done, not just pass messages on.",
            "Signposting to voluntary and community services should be part of the single point of access.",
            "Who will co-ordinate care for people who move between Eastern Cheshire and Stockport or Manchester services?",
            "A named person for each patient was seen as more important than another phone number.",
            "{carer: yes} Carers want a number they can ring when things go wrong at 2am.",
            "GPs should not have to be the co-ordinator of everything; they don't have the time.",
        ]),
        ("Information sharing and records", [
            "The shared care record bid was welcomed; people asked when it would be in place.",
            "Consent must be clear and people must be able to see who has looked at their record.",
            "Some people are nervous about social care staff seeing their medical records.",
            "Ambulance crews and out-of-hours GPs need to see care plans, especially end-of-life plans.",
            "Patients should be able to see and add to their own record.",
            "The Cranford scenario where nobody knew about the medication change was very familiar.",
            "Information sharing with carers must be built in from the start, with the patient's permission.",
            "Different IT systems in the hospital, practices and council were seen as the biggest barrier.",
        ]),
        ("Empowering people and self-care", [
            "Patient activation - supporting people to manage their own health - was seen as key.",
            "Self-care works when people understand their condition; education is needed at diagnosis.",
            "Some people don't want to be empowered, they want someone to look after them; the model must allow for that.",
            "Expert patient programmes and peer support should be easier to get onto.",
            "Personal health budgets should be explained in plain language.",
            "{long_term_condition: yes; age_band: 55-64} Let me manage my own COPD rescue pack instead of ringing the surgery every time.",
            "People need to know what is available before they can choose.",
        ]),
        ("Technology and telehealth", [
            "Telehealth was welcomed for monitoring long-term conditions at home.",
            "Many older people do not use the internet; technology must be optional.",
            "Broadband and mobile signal in the rural east of the area are poor.",
            "Online access to records and appointment booking was wanted by working people.",
            "Telecare could support people like Elsie to stay at home safely.",
            "Staff need training and time to use new technology properly.",
            "Video calls with the consultant instead of a trip to the hospital were popular with younger participants.",
        ]),
        ("Transport and rural access", [
            "Rural communities such as Wincle, Rainow and Langley have very limited public transport.",
            "Hospital parking charges are a tax on the sick and their visitors.",
            "Community transport needs proper funding and co-ordination across the area.",
            "If care moves into the community, the community venues must be accessible by bus.",
            "Patient transport services have strict criteria and many people fall outside them.",
            "{age_band: 85+; lives_alone: yes} I stopped going to my eye clinic because I couldn't get there.",
            "Volunteer driver schemes in Poynton and Bollington were given as good examples.",
        ]),
        ("Hospital discharge", [
            "Discharge planning should start on admission, not on the day of discharge.",
            "Delays waiting for care packages keep people in hospital longer than needed.",
            "Discharge to assess at home was supported, with the right equipment in place.",
            "Families are often told about discharge at the last minute.",
            "Step-down beds in the community hospitals are needed for people not ready to go home.",
            "Medicines at discharge: people wait hours for pharmacy.",
            "Reablement teams do a great job but there aren't enough of them.",
        ]),
        ("Carers", [
            "Carers need recognition, information and breaks.",
            "The carers assessment should lead to real support, not just a form.",
            "Young carers are often invisible to services; schools need to be involved.",
            "Working carers need services outside office hours.",
            "{carer: yes; working_status: employed} I've used all my annual leave taking my mum to appointments.",
            "The carers centre was praised but people said it is not well known.",
            "Carers' own health suffers and GPs should check on them.",
        ]),
        ("Seldom-heard voices", [
            "The panel asked how the programme would hear from people who don't come to events like this.",
            "Outreach in July with mums and tots groups, mental health forums and BME groups was welcomed.",
            "Interpreters should be routinely booked, not left to family members.",
            "LGBT older people worry about discrimination in care homes.",
            "Young people want confidential services and to be able to text rather than phone.",
            "Working parents need appointments in the evenings and at weekends.",
            "Isolated older people may have nobody to speak up for them; advocacy is important.",
            "People with mental health conditions want physical and mental health treated together.",
        ]),
        ("Staff and seven-day working", [
            "Staff at every level were praised, but people worry they are overstretched.",
            "Continuity of staff matters; seeing the same district nurse builds trust.",
            "Seven-day working was supported, but people asked where the staff would come from.",
            "Weekend discharge and social care at weekends would stop people getting stuck in hospital.",
            "Integrated teams need joint training and shared values, not just shared buildings.",
            "Agency staff and high turnover in home care were a concern.",
            "Front line staff should be involved in designing the new services.",
        ]),
    ],
}


def wrap_point(rng, text, wrap):
    """A point as note lines; long ones are sometimes continued on indented lines."""
    if not wrap or len(text) < 110:
        return ["- " + text]
    lines = textwrap.wrap(text, width=rng.choice([72, 80, 88]))
    return ["- " + lines[0]] + ["  " + l for l in lines[1:]]


def write_panel(rng, path, panel, note):
    lines = [f"# {note}",
             "# One point per line starting with '- '; lines indented two spaces continue it.",
             f"title: {panel['title']}",
             f"event: {panel['event']}",
             "channel: Stakeholder panel",
             f"date: {panel['date']}",
             f"place: {panel['place']}",
             f"attendees: {panel['attendees']}"]
    for topic, points in panel["topics"]:
        lines += ["", f"topic: {topic}"]
        for pt in points:
            text = pt
            if rng.random() < 0.15:
                text = curl(text)
            lines += wrap_point(rng, text, wrap=rng.random() < 0.2)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    return sum(len(p) for _, p in panel["topics"])


# --------------------------------------------------------------------------
# Actions ("we did") and population shares
# --------------------------------------------------------------------------

ACTIONS = [
    ("closer-to-home", "Moved anticoagulation clinics and routine outpatient follow-ups for diabetes and heart failure "
     "into GP practices and Congleton and Knutsford community hospitals; community hubs planned in each of the four "
     "care communities", "NHS Eastern Cheshire CCG", "in progress"),
    ("one-point-of-access", "Setting up a single point of access for community health and adult social care, one "
     "telephone number staffed 8am to 8pm by people who can arrange care, not just pass messages on",
     "Cheshire East Council", "in progress"),
    ("information-sharing", "Submitted a joint bid for a shared care record so that GPs, the hospital, community "
     "teams and social care can see one record, with the patient's consent", "NHS Eastern Cheshire CCG", "done"),
    ("jargon-overload", "Rewrote the Caring Together leaflets and the discharge information pack in plain English, "
     "tested with the stakeholder panel; easy read and other languages on request", "NHS Eastern Cheshire CCG", "done"),
    ("transport-rural", "Reviewing community and patient transport with the voluntary driver schemes, so that people "
     "in rural areas can get to appointments; results due in the winter", "Cheshire East Council", "in progress"),
    ("technology-telehealth", "Telehealth pilot for 100 people with COPD or heart failure, monitoring at home, "
     "with telephone support for those who do not use the internet", "East Cheshire NHS Trust", "in progress"),
    ("self-care", "More places on self-management courses for long-term conditions, and care plans written with "
     "the patient and held by them", "NHS Eastern Cheshire CCG", "planned"),
    ("carers", "Carers' support: a carers' check at GP practices and faster carers' assessments, with the Carers "
     "Centre commissioned to offer short breaks", "Cheshire East Council", "planned"),
    ("hospital-discharge", "Discharge to assess: people medically fit to leave Macclesfield District General Hospital "
     "go home with reablement support and are assessed there, not on the ward", "East Cheshire NHS Trust", "in progress"),
    ("gp-access", "Extended GP hours: evening and Saturday morning appointments at practices across Eastern "
     "Cheshire, and telephone consultations", "NHS Eastern Cheshire CCG", "planned"),
    ("prevention", "Wellbeing co-ordinators with Age UK to help older people stay active and find local groups, and "
     "falls prevention classes in community centres", "Cheshire East Council", "done"),
    ("staff-continuity", "Care co-ordinators and named community teams for people with complex needs, so people "
     "see the same staff; joint training for the new integrated teams", "East Cheshire NHS Trust", "planned"),
    ("seven-day-services", "Weekend discharge support at the hospital will be reviewed in 2015",
     "East Cheshire NHS Trust", "not taken forward",
     "Full seven-day community and social care services could not be staffed within the current budget"),
    ("gp-booking", "All practices offer online booking and a call-back instead of the 8am queue; a shared "
     "extended-hours hub books evening and Saturday appointments for all 23 practices", "NHS Eastern Cheshire CCG",
     "in progress"),
    ("community-transport", "Funded the Dial-a-Ride and volunteer driver schemes for another two years and added "
     "a hospital appointments route from the villages around Congleton", "Cheshire East Council", "done"),
]

POPULATION = [  # group id, share of the population, note
    ("working-parents", 0.045, "approximate: working parents of children under 5, from 2011 Census figures for the Eastern Cheshire CCG area"),
    ("younger-people", 0.09, "approximate: people aged 16-24, from 2011 Census figures for the Eastern Cheshire CCG area"),
    ("older-isolated", 0.065, "approximate: people aged 65+ living alone, from 2011 Census figures for the Eastern Cheshire CCG area"),
    ("new-mothers", 0.04, "approximate: mothers of children under 5, from 2011 Census and birth figures for the area"),
    ("bme", 0.035, "approximate: black and minority ethnic residents, from 2011 Census figures for the Eastern Cheshire CCG area"),
    ("lgbt", 0.03, "approximate: the Census does not ask about sexual orientation; estimate from national surveys"),
    ("mental-health", 0.12, "approximate: adults with a common mental health condition, from local prevalence estimates"),
    ("carers-group", 0.11, "approximate: people providing unpaid care, from 2011 Census figures for Cheshire East"),
    ("disabled-people", 0.17, "approximate: day-to-day activities limited a little or a lot, from the 2011 Census"),
    ("long-term-conditions", 0.3, "approximate: people with one or more long-term conditions, from GP registers"),
    ("working", 0.47, "approximate: residents aged 16 and over in work, from 2011 Census figures for Cheshire East"),
    ("parents-under-5", 0.07, "approximate: parents of children under 5, from 2011 Census household figures"),
]


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------

def write_csv(path, rows, excel=False):
    """RFC 4180. excel=True writes what Excel's 'CSV UTF-8' does: a BOM and CRLF line ends."""
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\r\n" if excel else "\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def write_coding(path, rows, every=4):
    """An analyst's hand coding of every `every`-th response written about a
    theme: the themes it was written about, for `yousaid code --from`."""
    coded = [r for r in rows if THEMES_OF_TEXT.get(r["Response"])][::every]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "add", "note"])
        for r in coded:
            # The store's id: the event as a slug, then the row's own id.
            scope = re.sub(r"[^0-9a-z]+", "-", re.sub("['’]", "", r["Event"].lower())).strip("-")
            w.writerow([f"{scope}-{r['Response ID']}", ";".join(THEMES_OF_TEXT[r["Response"]]), "read in full"])
    return len(coded)


def main():
    rng = random.Random(SEED)
    comp = Composer(rng)
    out = os.path.join(CORPUS, "responses")
    os.makedirs(out, exist_ok=True)
    counts = {}
    written = []
    for name, make, excel in [("online-survey-june-2014.csv", online_survey, True),
                              ("face-to-face-supermarkets-june-2014.csv", supermarkets, False),
                              ("face-to-face-community-centres-june-2014.csv", community_centres, False),
                              ("telephone-survey-july-2014.csv", telephone, False),
                              ("outreach-groups-july-2014.csv", outreach, False)]:
        rows = make(rng, comp)
        counts[name] = write_csv(os.path.join(out, name), rows, excel=excel)
        written += rows

    panels = os.path.join(CORPUS, "panels")
    os.makedirs(panels, exist_ok=True)
    counts["congleton-2014-05-21.txt"] = write_panel(
        rng, os.path.join(panels, "congleton-2014-05-21.txt"), CONGLETON_PANEL,
        "Notes from the tables, Caring Together stakeholder panel, Congleton, 21 May 2014.")
    counts["macclesfield-2014-07-25.txt"] = write_panel(
        rng, os.path.join(panels, "macclesfield-2014-07-25.txt"), MACCLESFIELD_PANEL,
        "Notes from the tables, Caring Together stakeholder panel, Masonic Hall, Macclesfield, 25 July 2014.")

    with open(os.path.join(CORPUS, "actions.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["theme", "action", "owner", "status", "reason"])
        w.writerows(action + ("",) * (5 - len(action)) for action in ACTIONS)  # reason: not taken forward only
    with open(os.path.join(CORPUS, "population.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["group", "population_share", "note"])
        w.writerows(POPULATION)

    coded = write_coding(os.path.join(CORPUS, "coding.csv"), written)
    for name, n in counts.items():
        print(f"{n:5d}  {name}")
    print(f"{coded:5d}  responses coded by hand in coding.csv")
    print(f"{sum(counts.values()):5d}  in all")


if __name__ == "__main__":
    main()
