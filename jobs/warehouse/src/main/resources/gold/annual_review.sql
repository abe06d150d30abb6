-- gold.annual_review, after counted_leaders.sql. Reads gold.trust_behaviour_trends,
-- gold.priority_progress and gold.school_behaviour_summary. Parameters: min_group_size,
-- movement_margin, candidate_count, as_of_date.

CREATE OR REPLACE TEMPORARY VIEW review_years AS
SELECT academic_year, year_start, year_end FROM academic_years WHERE year_start <= DATE '${as_of_date}';

CREATE OR REPLACE TEMPORARY VIEW trust_rows AS
SELECT * FROM gold_trust_behaviour_trends WHERE role_level = 'all' AND behaviour_code <> 'all';

-- Ranks among the behaviours with shown figures; ties go to the framework's order.
CREATE OR REPLACE TEMPORARY VIEW behaviour_ranks AS
SELECT trend.academic_year, trend.behaviour_code,
       CAST(row_number() OVER (PARTITION BY trend.academic_year
                               ORDER BY trend.mean_others_score, behaviour.display_order) AS INT) AS weakness_rank,
       CAST(row_number() OVER (PARTITION BY trend.academic_year
                               ORDER BY trend.share_over_estimators DESC, behaviour.display_order) AS INT)
           AS blind_spot_rank,
       count(*) OVER (PARTITION BY trend.academic_year) AS count_ranked
FROM trust_rows trend
JOIN silver_behaviour behaviour ON behaviour.behaviour_code = trend.behaviour_code
WHERE NOT trend.is_suppressed;

CREATE OR REPLACE TEMPORARY VIEW priority_movement AS
SELECT academic_year, behaviour_code,
       CAST(count(*) AS INT) AS count_schools_reported,
       CAST(count(CASE WHEN mean_change >= ${movement_margin} THEN 1 END) AS INT) AS count_schools_improved,
       CAST(count(CASE WHEN mean_change <= -${movement_margin} THEN 1 END) AS INT) AS count_schools_declined,
       array_join(array_sort(collect_list(CASE WHEN mean_change >= ${movement_margin} THEN school_urn END)), '|')
           AS improved_school_urns,
       array_join(array_sort(collect_list(CASE WHEN mean_change <= -${movement_margin} THEN school_urn END)), '|')
           AS declined_school_urns
FROM gold_priority_progress
WHERE NOT is_suppressed AND mean_change IS NOT NULL
GROUP BY academic_year, behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW blind_spot_schools AS
SELECT academic_year, behaviour_code, CAST(count(*) AS INT) AS count_schools_blind_spot
FROM gold_school_behaviour_summary
WHERE is_blind_spot
GROUP BY academic_year, behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW participation AS
SELECT years.academic_year,
       CAST(count(DISTINCT school.school_urn) AS INT) AS count_schools,
       CAST(count(DISTINCT CASE WHEN school.joined_during_year THEN school.school_urn END) AS INT)
           AS count_schools_joined
FROM review_years years
LEFT JOIN school_years school ON school.academic_year = years.academic_year
GROUP BY years.academic_year;

CREATE OR REPLACE TEMPORARY VIEW trust_posts AS
SELECT DISTINCT school.academic_year, spell.leader_key
FROM school_years school
JOIN silver_leader spell
  ON spell.school_urn = school.school_urn AND spell.valid_from <= school.year_end
 AND (spell.valid_to IS NULL OR spell.valid_to >= school.year_start);

CREATE OR REPLACE TEMPORARY VIEW leaders_in_post_by_year AS
SELECT academic_year, count(*) AS count_leaders_in_post
FROM trust_posts
GROUP BY academic_year;

CREATE OR REPLACE TEMPORARY VIEW people_taking_part AS
SELECT years.academic_year, post.count_leaders_in_post,
       coalesce(sat.count_leaders_sat, 0) AS count_leaders_sat,
       coalesce(cycles.count_cycles_started, 0) AS count_cycles_started,
       coalesce(cycles.count_cycle_leaders, 0) AS count_cycle_leaders
FROM review_years years
LEFT JOIN leaders_in_post_by_year post ON post.academic_year = years.academic_year
LEFT JOIN (SELECT academic_year, count(DISTINCT leader_key) AS count_leaders_sat
           FROM completed_sittings WHERE is_in_trust GROUP BY academic_year) sat
  ON sat.academic_year = years.academic_year
LEFT JOIN (SELECT cycle.academic_year, count(*) AS count_cycles_started,
                  count(DISTINCT post.leader_key) AS count_cycle_leaders
           FROM silver_development_cycles cycle
           LEFT JOIN trust_posts post ON post.academic_year = cycle.academic_year AND post.leader_key = cycle.leader_key
           WHERE NOT cycle.is_deleted GROUP BY cycle.academic_year) cycles
  ON cycles.academic_year = years.academic_year;

CREATE OR REPLACE TEMPORARY VIEW leaders_counted_by_year AS
SELECT academic_year, count(DISTINCT leader_key) AS count_leaders_counted
FROM counted_leaders
GROUP BY academic_year;

-- A row is hidden when the year has fewer than min_group_size leaders counted trust-wide, or when
-- the behaviour's trust row is.
CREATE OR REPLACE TEMPORARY VIEW review_figures AS
SELECT years.academic_year, behaviour.behaviour_code, behaviour.behaviour_name, behaviour.domain_code,
       behaviour.display_order, priority.priority_rank, trend.count_leaders, trend.mean_others_score,
       trend.share_over_estimators, trend.count_leaders_both_years, trend.mean_change_same_leaders,
       coalesce(trend.is_suppressed, true)
           OR coalesce(counted.count_leaders_counted, 0) < ${min_group_size} AS is_suppressed,
       rank.weakness_rank, rank.blind_spot_rank, rank.count_ranked,
       movement.count_schools_reported, movement.count_schools_improved, movement.count_schools_declined,
       movement.improved_school_urns, movement.declined_school_urns,
       coalesce(blind.count_schools_blind_spot, 0) AS count_schools_blind_spot,
       taking_part.count_schools, taking_part.count_schools_joined
FROM review_years years
CROSS JOIN silver_behaviour behaviour
JOIN participation taking_part ON taking_part.academic_year = years.academic_year
LEFT JOIN leaders_counted_by_year counted ON counted.academic_year = years.academic_year
LEFT JOIN silver_trust_priorities priority
  ON priority.academic_year = years.academic_year AND priority.behaviour_code = behaviour.behaviour_code
LEFT JOIN trust_rows trend
  ON trend.academic_year = years.academic_year AND trend.behaviour_code = behaviour.behaviour_code
LEFT JOIN behaviour_ranks rank
  ON rank.academic_year = years.academic_year AND rank.behaviour_code = behaviour.behaviour_code
LEFT JOIN priority_movement movement
  ON movement.academic_year = years.academic_year AND movement.behaviour_code = behaviour.behaviour_code
LEFT JOIN blind_spot_schools blind
  ON blind.academic_year = years.academic_year AND blind.behaviour_code = behaviour.behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW review_judgements AS
SELECT *,
       CASE WHEN is_suppressed OR mean_change_same_leaders IS NULL THEN NULL
            WHEN mean_change_same_leaders >= ${movement_margin} THEN 'improved'
            WHEN mean_change_same_leaders <= -${movement_margin} THEN 'declined'
            ELSE 'unchanged' END AS movement,
       NOT is_suppressed AND (weakness_rank <= ${candidate_count} OR blind_spot_rank <= ${candidate_count})
           AS is_candidate
FROM review_figures;

SELECT r.academic_year, r.behaviour_code, r.behaviour_name, r.domain_code,
       r.priority_rank IS NOT NULL AS is_priority, r.priority_rank,
       CASE WHEN NOT r.is_suppressed THEN r.count_leaders END AS count_leaders,
       CASE WHEN NOT r.is_suppressed THEN r.mean_others_score END AS mean_others_score,
       CASE WHEN NOT r.is_suppressed THEN r.share_over_estimators END AS share_over_estimators,
       CASE WHEN NOT r.is_suppressed THEN r.count_leaders_both_years END AS count_leaders_both_years,
       CASE WHEN NOT r.is_suppressed THEN r.mean_change_same_leaders END AS mean_change_same_leaders,
       r.movement,
       CASE WHEN r.priority_rank IS NOT NULL AND NOT r.is_suppressed THEN coalesce(r.count_schools_reported, 0) END
           AS count_schools_reported,
       CASE WHEN r.priority_rank IS NOT NULL AND NOT r.is_suppressed THEN coalesce(r.count_schools_improved, 0) END
           AS count_schools_improved,
       CASE WHEN r.priority_rank IS NOT NULL AND NOT r.is_suppressed THEN coalesce(r.count_schools_declined, 0) END
           AS count_schools_declined,
       CASE WHEN r.priority_rank IS NOT NULL AND NOT r.is_suppressed THEN nullif(r.improved_school_urns, '') END
           AS improved_school_urns,
       CASE WHEN r.priority_rank IS NOT NULL AND NOT r.is_suppressed THEN nullif(r.declined_school_urns, '') END
           AS declined_school_urns,
       CASE WHEN NOT r.is_suppressed THEN r.count_schools_blind_spot END AS count_schools_blind_spot,
       CASE WHEN NOT r.is_suppressed THEN r.weakness_rank END AS weakness_rank,
       CASE WHEN NOT r.is_suppressed THEN r.blind_spot_rank END AS blind_spot_rank,
       CASE WHEN NOT r.is_suppressed THEN r.is_candidate END AS is_candidate_priority,
       CASE WHEN NOT r.is_suppressed THEN nullif(concat_ws('; ',
                CASE WHEN r.is_candidate THEN format_string(
                    'Mean others score %.2f, %slowest of %d; over-estimators %.0f%% of %d leaders; '
                        || 'a blind spot in %d of %d %s',
                    r.mean_others_score,
                    CASE WHEN r.weakness_rank = 1 THEN ''
                         WHEN r.weakness_rank % 100 IN (11, 12, 13) THEN concat(r.weakness_rank, 'th ')
                         WHEN r.weakness_rank % 10 = 1 THEN concat(r.weakness_rank, 'st ')
                         WHEN r.weakness_rank % 10 = 2 THEN concat(r.weakness_rank, 'nd ')
                         WHEN r.weakness_rank % 10 = 3 THEN concat(r.weakness_rank, 'rd ')
                         ELSE concat(r.weakness_rank, 'th ') END,
                    r.count_ranked, 100 * r.share_over_estimators, r.count_leaders, r.count_schools_blind_spot,
                    r.count_schools, CASE WHEN r.count_schools = 1 THEN 'school' ELSE 'schools' END) END,
                CASE WHEN r.movement IS NOT NULL THEN format_string(
                    '%s: %+.2f among the %d leaders seen in both years', r.movement,
                    r.mean_change_same_leaders, r.count_leaders_both_years) END), '') END AS evidence,
       r.count_schools, r.count_schools_joined,
       CAST(part.count_leaders_in_post AS INT) AS count_leaders_in_post,
       CAST(part.count_leaders_sat AS INT) AS count_leaders_sat,
       part.count_leaders_sat / nullif(part.count_leaders_in_post, 0) AS share_leaders_sat,
       CAST(part.count_cycles_started AS INT) AS count_cycles_started,
       part.count_cycle_leaders / nullif(part.count_leaders_in_post, 0) AS share_leaders_with_cycle,
       r.is_suppressed,
       CASE WHEN r.is_suppressed THEN 'fewer_than_min_group_size' END AS suppression_reason
FROM review_judgements r
JOIN people_taking_part part ON part.academic_year = r.academic_year
