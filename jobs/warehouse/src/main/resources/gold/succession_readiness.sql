-- gold.succession_readiness. Parameters: as_of_date, min_group_size, growth_target,
-- cycles_target, lookback_months, months_in_role_target, weight_behaviours, weight_growth,
-- weight_cycles, weight_time_in_role, weight_qualification, band_ready_now, band_ready_1_2_years.
-- Configuration views: role_ladder (role_level, level_rank, next_role_level),
-- required_behaviours (next_role_level, behaviour_code), relevant_npq (role_level, npq).

-- Each academic year to date is judged at its last day, the current one at the run's date.
CREATE OR REPLACE TEMPORARY VIEW judging_days AS
SELECT academic_year, least(year_end, DATE '${as_of_date}') AS as_of_date
FROM academic_years
WHERE year_start <= DATE '${as_of_date}';

-- Spells open on the day at a school then in the trust.
CREATE OR REPLACE TEMPORARY VIEW spells_on_day AS
SELECT days.academic_year, days.as_of_date, spell.leader_key, spell.school_urn, school.phase, spell.role_level,
       spell.role_title, spell.npq, ladder.level_rank, ladder.next_role_level
FROM judging_days days
JOIN silver_leader spell
  ON spell.valid_from <= days.as_of_date AND (spell.valid_to IS NULL OR spell.valid_to >= days.as_of_date)
JOIN silver_school school
  ON school.school_urn = spell.school_urn AND school.joined_on <= days.as_of_date
 AND (school.left_on IS NULL OR school.left_on >= days.as_of_date)
JOIN role_ladder ladder ON ladder.role_level = spell.role_level;

CACHE LAZY TABLE spells_on_day;

-- One post per leader and day: the highest level, then the lowest URN.
CREATE OR REPLACE TEMPORARY VIEW posts_on_day AS
SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY academic_year, leader_key ORDER BY level_rank DESC, school_urn) AS pick
    FROM spells_on_day)
WHERE pick = 1;

-- Each leader's latest shown others score per behaviour as at the day, with that sitting's change.
CREATE OR REPLACE TEMPORARY VIEW scores_on_day AS
SELECT * FROM (
    SELECT days.academic_year, profile.leader_key, profile.behaviour_code, profile.sitting_key,
           profile.others_score,
           row_number() OVER (PARTITION BY days.academic_year, profile.leader_key, profile.behaviour_code
                              ORDER BY profile.sitting_date DESC, profile.sitting_key DESC) AS recency
    FROM judging_days days
    JOIN gold_leader_behaviour_profile profile ON profile.sitting_date <= days.as_of_date
    WHERE NOT profile.is_suppressed)
WHERE recency = 1;

CACHE LAZY TABLE scores_on_day;

-- The bar in a behaviour for a level: the mean latest score of leaders holding it, or of every
-- leader in post when fewer than min_group_size hold it.
CREATE OR REPLACE TEMPORARY VIEW level_means AS
SELECT posts.academic_year, posts.role_level, scores.behaviour_code,
       count(*) AS count_leaders, avg(scores.others_score) AS mean_score
FROM posts_on_day posts
JOIN scores_on_day scores ON scores.academic_year = posts.academic_year AND scores.leader_key = posts.leader_key
GROUP BY posts.academic_year, posts.role_level, scores.behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW everyone_means AS
SELECT posts.academic_year, scores.behaviour_code, avg(scores.others_score) AS mean_score
FROM posts_on_day posts
JOIN scores_on_day scores ON scores.academic_year = posts.academic_year AND scores.leader_key = posts.leader_key
GROUP BY posts.academic_year, scores.behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW next_level_bars AS
SELECT required.next_role_level, required.behaviour_code, everyone.academic_year,
       CASE WHEN level.count_leaders >= ${min_group_size} THEN level.mean_score ELSE everyone.mean_score END AS bar
FROM required_behaviours required
JOIN everyone_means everyone ON everyone.behaviour_code = required.behaviour_code
LEFT JOIN level_means level
  ON level.academic_year = everyone.academic_year AND level.behaviour_code = required.behaviour_code
 AND level.role_level = required.next_role_level;

CREATE OR REPLACE TEMPORARY VIEW candidates AS
SELECT * FROM posts_on_day WHERE next_role_level IS NOT NULL;

CREATE OR REPLACE TEMPORARY VIEW behaviour_parts AS
SELECT candidate.academic_year, candidate.leader_key,
       CAST(count(required.behaviour_code) AS INT) AS count_required_behaviours,
       CAST(count(CASE WHEN score.others_score >= bar.bar THEN 1 END) AS INT) AS count_behaviours_met
FROM candidates candidate
LEFT JOIN required_behaviours required ON required.next_role_level = candidate.next_role_level
LEFT JOIN scores_on_day score
  ON score.academic_year = candidate.academic_year AND score.leader_key = candidate.leader_key
 AND score.behaviour_code = required.behaviour_code
LEFT JOIN next_level_bars bar
  ON bar.academic_year = candidate.academic_year AND bar.next_role_level = candidate.next_role_level
 AND bar.behaviour_code = required.behaviour_code
GROUP BY candidate.academic_year, candidate.leader_key;

-- Growth: the mean others_change over the required behaviours at the leader's latest sitting.
CREATE OR REPLACE TEMPORARY VIEW latest_sittings AS
SELECT * FROM (
    SELECT days.academic_year, profile.leader_key, profile.sitting_key,
           row_number() OVER (PARTITION BY days.academic_year, profile.leader_key
                              ORDER BY profile.sitting_date DESC, profile.sitting_key DESC) AS recency
    FROM judging_days days
    JOIN gold_leader_behaviour_profile profile ON profile.sitting_date <= days.as_of_date)
WHERE recency = 1;

CREATE OR REPLACE TEMPORARY VIEW growth_parts AS
SELECT candidate.academic_year, candidate.leader_key, avg(profile.others_change) AS mean_others_change
FROM candidates candidate
JOIN latest_sittings latest ON latest.academic_year = candidate.academic_year AND latest.leader_key = candidate.leader_key
JOIN required_behaviours required ON required.next_role_level = candidate.next_role_level
JOIN gold_leader_behaviour_profile profile
  ON profile.sitting_key = latest.sitting_key AND profile.behaviour_code = required.behaviour_code
GROUP BY candidate.academic_year, candidate.leader_key;

CREATE OR REPLACE TEMPORARY VIEW cycle_parts AS
SELECT candidate.academic_year, candidate.leader_key, CAST(count(cycle.cycle_key) AS INT) AS count_cycles_completed
FROM candidates candidate
LEFT JOIN silver_development_cycles cycle
  ON cycle.leader_key = candidate.leader_key AND cycle.status = 'completed' AND NOT cycle.is_deleted
 AND cycle.completed_date <= candidate.as_of_date
 AND cycle.completed_date > add_months(candidate.as_of_date, -${lookback_months})
GROUP BY candidate.academic_year, candidate.leader_key;

-- Time in role: from the first day of any spell at the current level, across schools.
CREATE OR REPLACE TEMPORARY VIEW role_parts AS
SELECT candidate.academic_year, candidate.leader_key,
       CAST(floor(months_between(candidate.as_of_date, min(spell.valid_from))) AS INT) AS months_in_role
FROM candidates candidate
JOIN silver_leader spell
  ON spell.leader_key = candidate.leader_key AND spell.role_level = candidate.role_level
 AND spell.valid_from <= candidate.as_of_date
GROUP BY candidate.academic_year, candidate.leader_key, candidate.as_of_date;

CREATE OR REPLACE TEMPORARY VIEW qualification_parts AS
SELECT candidate.academic_year, candidate.leader_key,
       CASE WHEN candidate.npq IS NULL THEN NULL
            ELSE exists(split(candidate.npq, '[|]'), held -> array_contains(coalesce(npq.codes, array()), trim(held)))
       END AS has_relevant_npq
FROM candidates candidate
LEFT JOIN (SELECT role_level, collect_list(npq) AS codes FROM relevant_npq GROUP BY role_level) npq
  ON npq.role_level = candidate.next_role_level;

CREATE OR REPLACE TEMPORARY VIEW readiness_parts AS
SELECT candidate.academic_year, candidate.as_of_date, candidate.leader_key, candidate.school_urn, candidate.phase,
       candidate.role_level, candidate.next_role_level,
       behaviour.count_required_behaviours, behaviour.count_behaviours_met,
       CASE WHEN behaviour.count_required_behaviours > 0
            THEN behaviour.count_behaviours_met / behaviour.count_required_behaviours ELSE 0D END AS behaviour_part,
       growth.mean_others_change,
       -- greatest and least pass over nulls, so an unknown growth is tested first
       CASE WHEN growth.mean_others_change IS NULL THEN 0D
            ELSE greatest(0D, least(1D, growth.mean_others_change / ${growth_target})) END AS growth_part,
       cycles.count_cycles_completed,
       least(1D, cycles.count_cycles_completed / ${cycles_target}) AS cycles_part,
       role.months_in_role,
       least(1D, role.months_in_role / ${months_in_role_target}) AS time_in_role_part,
       qualification.has_relevant_npq,
       CASE WHEN qualification.has_relevant_npq THEN 1D WHEN NOT qualification.has_relevant_npq THEN 0D END
           AS qualification_part
FROM candidates candidate
JOIN behaviour_parts behaviour
  ON behaviour.academic_year = candidate.academic_year AND behaviour.leader_key = candidate.leader_key
LEFT JOIN growth_parts growth
  ON growth.academic_year = candidate.academic_year AND growth.leader_key = candidate.leader_key
JOIN cycle_parts cycles ON cycles.academic_year = candidate.academic_year AND cycles.leader_key = candidate.leader_key
JOIN role_parts role ON role.academic_year = candidate.academic_year AND role.leader_key = candidate.leader_key
JOIN qualification_parts qualification
  ON qualification.academic_year = candidate.academic_year AND qualification.leader_key = candidate.leader_key;

SELECT *,
       CASE WHEN readiness_score >= ${band_ready_now} THEN 'ready_now'
            WHEN readiness_score >= ${band_ready_1_2_years} THEN 'ready_1_2_years'
            ELSE 'ready_3_plus_years' END AS readiness_band
FROM (SELECT *,
             (${weight_behaviours} * behaviour_part + ${weight_growth} * growth_part
                  + ${weight_cycles} * cycles_part + ${weight_time_in_role} * time_in_role_part
                  + ${weight_qualification} * coalesce(qualification_part, 0D))
             / (${weight_behaviours} + ${weight_growth} + ${weight_cycles} + ${weight_time_in_role}
                  + CASE WHEN qualification_part IS NULL THEN 0D ELSE ${weight_qualification} END) AS readiness_score
      FROM readiness_parts)
