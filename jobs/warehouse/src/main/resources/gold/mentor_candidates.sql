-- The people gold.mentor_matches pairs up, after diagnostic_scores.sql (for change_scales).
-- Parameters: as_of_date, role_levels, reliable_change_threshold. The pairing itself, its
-- constraints and scores are worked out in MentorMatching.

-- Leaders in post on as_of_date at a school then in the trust; a leader with several open
-- spells is taken at the highest level, then the lowest school URN.
CREATE OR REPLACE TEMPORARY VIEW open_spells AS
SELECT spell.leader_key, spell.school_urn, school.phase, spell.role_level, spell.line_manager_leader_key,
       array_position(${role_levels}, spell.role_level) AS level_rank
FROM silver_leader spell
JOIN silver_school school ON school.school_urn = spell.school_urn
WHERE spell.valid_from <= DATE '${as_of_date}'
  AND (spell.valid_to IS NULL OR spell.valid_to >= DATE '${as_of_date}')
  AND school.joined_on <= DATE '${as_of_date}'
  AND (school.left_on IS NULL OR school.left_on >= DATE '${as_of_date}');

CREATE OR REPLACE TEMPORARY VIEW posted_leaders AS
SELECT leader_key, school_urn, phase, role_level, level_rank FROM (
    SELECT *, row_number() OVER (PARTITION BY leader_key ORDER BY level_rank DESC, school_urn) AS pick
    FROM open_spells)
WHERE pick = 1;

-- Every line manager a leader in post has, over all their open spells.
CREATE OR REPLACE TEMPORARY VIEW mentee_line_managers AS
SELECT DISTINCT leader_key, line_manager_leader_key
FROM open_spells
WHERE line_manager_leader_key IS NOT NULL;

-- A leader's latest shown others score in each behaviour, judged against the benchmark of its
-- year by the standard error of measurement, SD * sqrt(1 - r) = change_error / sqrt(2).
CREATE OR REPLACE TEMPORARY VIEW judged_scores AS
SELECT latest.leader_key, latest.behaviour_code, latest.others_score, latest.trust_benchmark,
       coalesce(latest.others_score < latest.trust_benchmark
                    - ${reliable_change_threshold} * scales.change_error / sqrt(2), false) AS is_reliably_low,
       coalesce(latest.others_score > latest.trust_benchmark
                    + ${reliable_change_threshold} * scales.change_error / sqrt(2), false) AS is_reliably_high
FROM (SELECT *, row_number() OVER (PARTITION BY leader_key, behaviour_code
                                   ORDER BY sitting_date DESC, sitting_key DESC) AS recency
      FROM gold_leader_behaviour_profile
      WHERE NOT is_suppressed AND sitting_date <= DATE '${as_of_date}') latest
LEFT JOIN change_scales scales ON scales.behaviour_code = latest.behaviour_code
WHERE latest.recency = 1;

CREATE OR REPLACE TEMPORARY VIEW focus_behaviours AS
SELECT DISTINCT cycle.leader_key, focus.behaviour_code
FROM silver_development_cycles cycle
JOIN silver_cycle_focus focus ON focus.cycle_key = cycle.cycle_key
WHERE cycle.status = 'active' AND NOT cycle.is_deleted AND cycle.start_date <= DATE '${as_of_date}';

-- Needs: a focus of the leader's active cycle, or a reliably low latest others score.
CREATE OR REPLACE TEMPORARY VIEW mentor_needs AS
SELECT posted.leader_key AS mentee_leader_key, needs.behaviour_code, posted.school_urn, posted.phase,
       posted.role_level, posted.level_rank, needs.is_focus, needs.is_low,
       judged.others_score, judged.trust_benchmark
FROM (SELECT coalesce(focus.leader_key, low.leader_key) AS leader_key,
             coalesce(focus.behaviour_code, low.behaviour_code) AS behaviour_code,
             focus.leader_key IS NOT NULL AS is_focus, low.leader_key IS NOT NULL AS is_low
      FROM focus_behaviours focus
      FULL OUTER JOIN (SELECT leader_key, behaviour_code FROM judged_scores WHERE is_reliably_low) low
        ON low.leader_key = focus.leader_key AND low.behaviour_code = focus.behaviour_code) needs
JOIN posted_leaders posted ON posted.leader_key = needs.leader_key
LEFT JOIN judged_scores judged
  ON judged.leader_key = needs.leader_key AND judged.behaviour_code = needs.behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW strong_mentors AS
SELECT posted.leader_key AS mentor_leader_key, judged.behaviour_code, posted.school_urn, posted.phase,
       posted.role_level, posted.level_rank, judged.others_score, judged.trust_benchmark
FROM judged_scores judged
JOIN posted_leaders posted ON posted.leader_key = judged.leader_key
WHERE judged.is_reliably_high;

-- Active relationships on as_of_date, one per mentee and behaviour (the latest started), with
-- each person's latest spell for their school, phase and level.
CREATE OR REPLACE TEMPORARY VIEW latest_spells AS
SELECT leader_key, school_urn, phase, role_level FROM (
    SELECT spell.leader_key, spell.school_urn, school.phase, spell.role_level,
           row_number() OVER (PARTITION BY spell.leader_key
                              ORDER BY spell.valid_from DESC, array_position(${role_levels}, spell.role_level) DESC,
                                       spell.school_urn) AS pick
    FROM silver_leader spell
    JOIN silver_school school ON school.school_urn = spell.school_urn
    WHERE spell.valid_from <= DATE '${as_of_date}')
WHERE pick = 1;

CREATE OR REPLACE TEMPORARY VIEW existing_mentoring AS
SELECT relation.mentee_leader_key, relation.behaviour_code, relation.mentor_leader_key, relation.start_date,
       relation.mentee_school_urn, relation.mentor_school_urn,
       mentee_school.phase AS mentee_phase, mentor_school.phase AS mentor_phase,
       mentee.role_level AS mentee_role_level, mentor.role_level AS mentor_role_level,
       mentee_score.others_score AS mentee_others_score, mentor_score.others_score AS mentor_others_score
FROM (SELECT *, row_number() OVER (PARTITION BY mentee_leader_key, behaviour_code
                                   ORDER BY start_date DESC, relationship_key) AS pick
      FROM silver_mentoring_relationships
      WHERE status = 'active' AND start_date <= DATE '${as_of_date}'
        AND (end_date IS NULL OR end_date >= DATE '${as_of_date}')) relation
JOIN latest_spells mentee ON mentee.leader_key = relation.mentee_leader_key
JOIN latest_spells mentor ON mentor.leader_key = relation.mentor_leader_key
JOIN silver_school mentee_school ON mentee_school.school_urn = relation.mentee_school_urn
JOIN silver_school mentor_school ON mentor_school.school_urn = relation.mentor_school_urn
LEFT JOIN judged_scores mentee_score
  ON mentee_score.leader_key = relation.mentee_leader_key AND mentee_score.behaviour_code = relation.behaviour_code
LEFT JOIN judged_scores mentor_score
  ON mentor_score.leader_key = relation.mentor_leader_key AND mentor_score.behaviour_code = relation.behaviour_code
WHERE relation.pick = 1;

SELECT * FROM mentor_needs
