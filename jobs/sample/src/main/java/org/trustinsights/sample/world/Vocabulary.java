package org.trustinsights.sample.world;

import java.util.List;

/** The words the sample trust is written with: names, places, titles. All invented or common. */
final class Vocabulary {

    static final String TRUST_NAME = "Kestrel Valley Learning Trust";
    static final String TRUST_CODE = "kestrel_valley";
    static final String FIRST_PLACE = "Kestrel Valley";

    static final List<String> GIVEN_NAMES = List.of(
            "Aisha", "Alex", "Amara", "Amir", "Amy", "Andrew", "Anna", "Ayesha", "Ben", "Beth",
            "Callum", "Caroline", "Chloe", "Chris", "Claire", "Daniel", "David", "Deborah", "Dev",
            "Eleanor", "Emma", "Ewan", "Faisal", "Fatima", "Fiona", "Gemma", "George", "Grace",
            "Hannah", "Harriet", "Helen", "Imran", "Isla", "Jack", "James", "Jasmine", "Jenny",
            "Joanne", "Jonathan", "Joseph", "Julia", "Karen", "Kate", "Kieran", "Kofi", "Laura",
            "Leah", "Liam", "Lucy", "Mark", "Martin", "Maya", "Megan", "Michael", "Mohammed",
            "Naomi", "Nathan", "Neil", "Nia", "Nicola", "Oliver", "Olivia", "Owen", "Paul",
            "Pooja", "Priya", "Rachel", "Rebecca", "Rhys", "Richard", "Rosie", "Ruth", "Ryan",
            "Sadia", "Sam", "Sarah", "Simon", "Sophie", "Stephen", "Tariq", "Thomas", "Tom",
            "Victoria", "Will", "Yasmin", "Zainab", "Zoe");

    static final List<String> FAMILY_NAMES = List.of(
            "Adams", "Ahmed", "Akhtar", "Ali", "Allen", "Anderson", "Appiah", "Atkinson", "Bailey",
            "Baker", "Banks", "Barker", "Bell", "Bennett", "Bibi", "Booth", "Bradley", "Brown",
            "Butler", "Campbell", "Carter", "Chapman", "Clarke", "Collins", "Cooper", "Cox",
            "Davies", "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Fletcher", "Foster", "Gill",
            "Graham", "Green", "Griffiths", "Hall", "Harris", "Harrison", "Hill", "Holmes",
            "Hughes", "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly",
            "Khan", "King", "Lee", "Lewis", "Lloyd", "Mahmood", "Marshall", "Martin", "Mason",
            "Mensah", "Mills", "Mistry", "Moore", "Morgan", "Morris", "Murphy", "Nowak", "O'Brien",
            "Okafor", "Osei", "Owen", "Parker", "Patel", "Pearson", "Phillips", "Powell", "Price",
            "Rahman", "Reid", "Richards", "Roberts", "Robinson", "Rogers", "Scott", "Shah",
            "Sharma",
            "Shaw", "Simpson", "Singh", "Smith", "Stewart", "Taylor", "Thomas", "Thompson",
            "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright",
            "Young");

    static final List<String> PLACE_STARTS = List.of(
            "Ash", "Birch", "Bramble", "Cinder", "Elm", "Fern", "Hazel", "Heron", "Holly", "Lark",
            "Linden", "Marsh", "Oak", "Otter", "Pike", "Rowan", "Sedge", "Thorn", "Willow", "Wren");

    static final List<String> PLACE_ENDS = List.of(
            "bridge", "brook", "combe", "dale", "field", "ford", "gate", "ham", "hurst", "leigh",
            "mere", "moor", "stead", "ton", "well", "wick", "wood");

    static final List<String> PLACE_VARIANTS = List.of("%s", "%s Green", "%s Park");

    static final List<String> REGIONS = List.of("North", "Central", "South", "Coast");

    static final List<String> PRIMARY_MIDDLE_TITLES = List.of(
            "Early Years Lead", "Key Stage 1 Lead", "Key Stage 2 Lead", "English Lead",
            "Maths Lead",
            "SENCo", "Science Lead", "Reading Lead", "Phase Leader (Years 3 and 4)",
            "Phase Leader (Years 5 and 6)", "Humanities Lead", "PE and Sport Lead");

    static final List<String> SECONDARY_MIDDLE_TITLES = List.of(
            "Head of English", "Head of Mathematics", "Head of Science", "Head of Humanities",
            "Head of Modern Languages", "Head of Computing", "Head of Creative Arts", "Head of PE",
            "Head of Design and Technology", "SENCo", "Head of Year 7", "Head of Year 8",
            "Head of Year 9", "Head of Year 10", "Head of Year 11", "Head of Sixth Form",
            "Head of Religious Education", "Head of Music");

    static final List<String> SPECIALIST_MIDDLE_TITLES = List.of(
            "Curriculum Lead", "Pastoral Lead", "SENCo", "Therapies Lead", "Outreach Lead",
            "Head of Key Stage 3 Provision", "Head of Key Stage 4 Provision", "Reintegration Lead");

    static final List<String> ASSISTANT_TITLES = List.of(
            "Assistant Headteacher (Curriculum)",
            "Assistant Headteacher (Behaviour and Attendance)",
            "Assistant Headteacher (Inclusion)", "Assistant Headteacher (Teaching and Learning)",
            "Assistant Headteacher (Personal Development)", "Assistant Headteacher (Assessment)");

    static final List<String> DEPUTY_TITLES = List.of(
            "Deputy Headteacher", "Deputy Headteacher (Pastoral)",
            "Deputy Headteacher (Quality of Education)");

    static final List<String> PROVIDERS = List.of(
            TRUST_NAME, TRUST_NAME, "Heron Teaching School Hub", "Lantern Leadership Partnership",
            "Northgate Education Consulting", "Riverside Research School");

    static final List<String> EVENT_FORMATS = List.of(
            "Twilight workshop", "Leadership seminar", "Network meeting", "Training day",
            "Peer review session", "Coaching masterclass");

    static final List<String> CHECKIN_OPENINGS = List.of(
            "reviewed progress with my line manager", "tried a new approach this fortnight",
            "reflected on it after a difficult week", "watched a colleague model it",
            "asked the team for feedback", "planned the next steps",
            "practised it in two meetings");

    static final List<String> CHECKIN_OUTCOMES = List.of(
            "early signs are encouraging.", "it went better than expected.",
            "next step is to make it routine.", "agreed to revisit it at half term.",
            "still finding it hard to protect the time.", "the team noticed the difference.",
            "need to be more consistent.", "will share what worked at the next meeting.");

    private Vocabulary() {}
}
