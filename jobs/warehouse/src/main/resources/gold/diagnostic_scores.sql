-- Scores of completed sittings shared by the diagnostic gold tables. Parameters: min_raters,
-- min_group_size. Individual answers stay inside these views; only means over at least
-- min_raters raters leave them. Views read more than once are cached for the table's build.

-- Completed sittings, and whether their school was in the trust on the day.
CREATE OR REPLACE TEMPORARY VIEW completed_sittings AS
SELECT s.sitting_key, s.leader_key, s.school_urn, s.sitting_date, s.academic_year,
       s.sitting_date >= school.joined_on
           AND (school.left_on IS NULL OR s.sitting_date <= school.left_on) AS is_in_trust
FROM silver_diagnostic_sittings s
JOIN silver_school school ON school.school_urn = s.school_urn
WHERE s.status = 'completed';

CACHE LAZY TABLE completed_sittings;

CREATE OR REPLACE TEMPORARY VIEW answers AS
SELECT r.sitting_key, r.rater_key, r.rater_role, r.item_id, r.behaviour_code, r.score
FROM silver_diagnostic_responses r
JOIN completed_sittings s ON s.sitting_key = r.sitting_key
WHERE NOT r.is_deleted;

CACHE LAZY TABLE answers;

-- A rater's score in a behaviour is their mean over the behaviour's items they answered.
CREATE OR REPLACE TEMPORARY VIEW rater_scores AS
SELECT sitting_key, behaviour_code, rater_key, max(rater_role) AS rater_role, avg(score) AS rater_score
FROM answers
GROUP BY sitting_key, behaviour_code, rater_key;

CACHE LAZY TABLE rater_scores;

CREATE OR REPLACE TEMPORARY VIEW sitting_scores AS
SELECT sitting_key, behaviour_code,
       avg(rater_score) FILTER (WHERE rater_role = 'self') AS self_score,
       CAST(count(*) FILTER (WHERE rater_role <> 'self') AS INT) AS count_raters,
       avg(rater_score) FILTER (WHERE rater_role <> 'self') AS others_mean,
       count(*) FILTER (WHERE rater_role = 'line_manager') AS count_line_managers,
       avg(rater_score) FILTER (WHERE rater_role = 'line_manager') AS line_manager_mean,
       count(*) FILTER (WHERE rater_role = 'peer') AS count_peers,
       avg(rater_score) FILTER (WHERE rater_role = 'peer') AS peer_mean,
       count(*) FILTER (WHERE rater_role = 'direct_report') AS count_direct_reports,
       avg(rater_score) FILTER (WHERE rater_role = 'direct_report') AS direct_report_mean
FROM rater_scores
GROUP BY sitting_key, behaviour_code;

CACHE LAZY TABLE sitting_scores;

-- Others scores shown in gold: over at least min_raters raters.
CREATE OR REPLACE TEMPORARY VIEW shown_scores AS
SELECT s.sitting_key, s.leader_key, s.school_urn, s.sitting_date, s.academic_year, s.is_in_trust,
       scores.behaviour_code, scores.others_mean AS others_score
FROM sitting_scores scores
JOIN completed_sittings s ON s.sitting_key = scores.sitting_key
WHERE scores.count_raters >= ${min_raters};

-- Each leader counts once a year per behaviour: by the latest sitting in the year with a shown
-- others score, at a school then in the trust.
CREATE OR REPLACE TEMPORARY VIEW counted_scores AS
SELECT * FROM (
    SELECT shown.*,
           row_number() OVER (PARTITION BY leader_key, academic_year, behaviour_code
                              ORDER BY sitting_date DESC, sitting_key DESC) AS recency
    FROM shown_scores shown
    WHERE is_in_trust)
WHERE recency = 1;

CACHE LAZY TABLE counted_scores;

CREATE OR REPLACE TEMPORARY VIEW trust_benchmarks AS
SELECT academic_year, behaviour_code,
       CASE WHEN count(*) >= ${min_group_size} THEN avg(others_score) END AS trust_benchmark
FROM counted_scores
GROUP BY academic_year, behaviour_code;

-- The baseline of a behaviour: the first year with min_group_size leaders counted.
CREATE OR REPLACE TEMPORARY VIEW baseline_scores AS
SELECT counted.*
FROM counted_scores counted
JOIN (SELECT behaviour_code, min(academic_year) AS academic_year
      FROM (SELECT behaviour_code, academic_year
            FROM counted_scores
            GROUP BY behaviour_code, academic_year
            HAVING count(*) >= ${min_group_size})
      GROUP BY behaviour_code) baseline
  ON baseline.behaviour_code = counted.behaviour_code AND baseline.academic_year = counted.academic_year;

-- Reliability of an others score at baseline: one-way intraclass correlation of the mean
-- rating, with the leader's raters as parallel measures, r = (MSB - MSW) / MSB.
CREATE OR REPLACE TEMPORARY VIEW baseline_rater_scores AS
SELECT baseline.behaviour_code, baseline.sitting_key, raters.rater_score,
       avg(raters.rater_score) OVER (PARTITION BY baseline.behaviour_code, baseline.sitting_key) AS leader_mean,
       avg(raters.rater_score) OVER (PARTITION BY baseline.behaviour_code) AS grand_mean
FROM baseline_scores baseline
JOIN rater_scores raters
  ON raters.sitting_key = baseline.sitting_key AND raters.behaviour_code = baseline.behaviour_code
WHERE raters.rater_role <> 'self';

CREATE OR REPLACE TEMPORARY VIEW baseline_mean_squares AS
SELECT behaviour_code,
       sum(power(leader_mean - grand_mean, 2)) / nullif(count(DISTINCT sitting_key) - 1, 0) AS between_leaders,
       sum(power(rater_score - leader_mean, 2)) / nullif(count(*) - count(DISTINCT sitting_key), 0)
           AS within_leaders
FROM baseline_rater_scores
GROUP BY behaviour_code;

CREATE OR REPLACE TEMPORARY VIEW change_scales AS
SELECT spread.behaviour_code, spread.baseline_sd, squares.reliability,
       CASE WHEN spread.baseline_sd > 0 AND squares.reliability > 0 AND squares.reliability < 1
            THEN sqrt(2) * spread.baseline_sd * sqrt(1 - squares.reliability) END AS change_error
FROM (SELECT behaviour_code, stddev_samp(others_score) AS baseline_sd
      FROM baseline_scores GROUP BY behaviour_code) spread
LEFT JOIN (SELECT behaviour_code,
                  (between_leaders - within_leaders) / nullif(between_leaders, 0) AS reliability
           FROM baseline_mean_squares) squares
  ON squares.behaviour_code = spread.behaviour_code;

-- Every earlier-later pair of one leader's completed sittings, so a change can be measured
-- between consecutive sittings or across a development cycle.
CREATE OR REPLACE TEMPORARY VIEW sitting_pairs AS
SELECT later.sitting_key, earlier.sitting_key AS earlier_sitting_key
FROM completed_sittings later
JOIN completed_sittings earlier
  ON earlier.leader_key = later.leader_key
 AND (earlier.sitting_date < later.sitting_date
      OR (earlier.sitting_date = later.sitting_date AND earlier.sitting_key < later.sitting_key));

CREATE OR REPLACE TEMPORARY VIEW items_asked AS
SELECT DISTINCT sitting_key, behaviour_code, item_id FROM answers;

CREATE OR REPLACE TEMPORARY VIEW items_compared AS
SELECT pairs.sitting_key, pairs.earlier_sitting_key, now.behaviour_code, now.item_id
FROM sitting_pairs pairs
JOIN items_asked now ON now.sitting_key = pairs.sitting_key
JOIN items_asked earlier ON earlier.sitting_key = pairs.earlier_sitting_key AND earlier.item_id = now.item_id;

-- Rater scores over only the items asked at both sittings of a pair, at each of the two.
CREATE OR REPLACE TEMPORARY VIEW compared_rater_scores AS
SELECT compared.sitting_key, compared.earlier_sitting_key, compared.behaviour_code, true AS is_later,
       answer.rater_key, avg(answer.score) AS rater_score
FROM items_compared compared
JOIN answers answer ON answer.sitting_key = compared.sitting_key AND answer.item_id = compared.item_id
WHERE answer.rater_role <> 'self'
GROUP BY compared.sitting_key, compared.earlier_sitting_key, compared.behaviour_code, answer.rater_key
UNION ALL
SELECT compared.sitting_key, compared.earlier_sitting_key, compared.behaviour_code, false AS is_later,
       answer.rater_key, avg(answer.score) AS rater_score
FROM items_compared compared
JOIN answers answer ON answer.sitting_key = compared.earlier_sitting_key AND answer.item_id = compared.item_id
WHERE answer.rater_role <> 'self'
GROUP BY compared.sitting_key, compared.earlier_sitting_key, compared.behaviour_code, answer.rater_key;

CREATE OR REPLACE TEMPORARY VIEW pair_changes AS
SELECT pairs.sitting_key, pairs.earlier_sitting_key, pairs.behaviour_code, pairs.count_items_compared,
       scores.earlier_score, scores.later_score, scores.later_score - scores.earlier_score AS others_change,
       (scores.later_score - scores.earlier_score) / scales.change_error AS reliable_change_index
FROM (SELECT sitting_key, earlier_sitting_key, behaviour_code, CAST(count(*) AS INT) AS count_items_compared
      FROM items_compared
      GROUP BY sitting_key, earlier_sitting_key, behaviour_code) pairs
LEFT JOIN (SELECT sitting_key, earlier_sitting_key, behaviour_code,
                  CASE WHEN count(*) FILTER (WHERE NOT is_later) >= ${min_raters}
                       THEN avg(rater_score) FILTER (WHERE NOT is_later) END AS earlier_score,
                  CASE WHEN count(*) FILTER (WHERE is_later) >= ${min_raters}
                       THEN avg(rater_score) FILTER (WHERE is_later) END AS later_score
           FROM compared_rater_scores
           GROUP BY sitting_key, earlier_sitting_key, behaviour_code) scores
  ON scores.sitting_key = pairs.sitting_key AND scores.earlier_sitting_key = pairs.earlier_sitting_key
 AND scores.behaviour_code = pairs.behaviour_code
LEFT JOIN change_scales scales ON scales.behaviour_code = pairs.behaviour_code;

CACHE LAZY TABLE pair_changes
