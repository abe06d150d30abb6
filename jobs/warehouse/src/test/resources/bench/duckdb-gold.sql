-- gold.leader_behaviour_profile and gold.school_behaviour_summary in DuckDB, straight from the
-- landing Parquet, so the benchmark can time DuckDB against Spark on the same input. It follows
-- the silver builders (newest versions, leader matching, role spells) and then
-- gold/diagnostic_scores.sql, leader_behaviour_profile.sql, counted_leaders.sql and
-- school_behaviour_summary.sql statement for statement; a change there belongs here too.
--
-- Parameters: lake (the lake's root folder), schools (the trust's schools as a VALUES list of
-- (urn, DATE 'joined_on')), min_raters, min_group_size, agreement_margin, benchmark_margin,
-- blind_spot_share, hidden_strength_share, reliable_change_threshold.
--
-- Keys are readable rather than pseudonymous: a sitting is 'urn:sitting_id', a rater their
-- platform id, a person 'urn:staff_id' of the first staff record matched to them. Only the
-- figures, not the key values, are meant to agree with Spark. Intermediates read more than once
-- are temporary tables, as the Spark scripts checkpoint them with CACHE LAZY TABLE.

-- ---------------------------------------------------------------------------------------------
-- Silver, as far as the two tables need it.
-- ---------------------------------------------------------------------------------------------

-- The trust's schools. The configuration has no leaving date yet (silver.school.left_on is
-- always empty), so a school is in the trust from joined_on on.
CREATE OR REPLACE TEMP TABLE school AS
SELECT CAST(school_urn AS INT) AS school_urn, CAST(joined_on AS DATE) AS joined_on
FROM (VALUES ${schools}) AS school(school_urn, joined_on);

-- Silver reads a landing load only once its manifest says it completed; a load still being
-- written, or a failed one, has no effect.
CREATE OR REPLACE TEMP TABLE committed_loads AS
SELECT DISTINCT load_id, CAST(school_urn AS INT) AS school_urn
FROM read_parquet('${lake}/bronze/load_manifests/**/*.parquet', hive_partitioning = true)
WHERE status = 'completed';

-- Items with their behaviour. Silver takes them from the framework in the trust configuration,
-- and the platform sends the same framework with every load, so the newest version of each
-- item stands in for it.
CREATE OR REPLACE TEMP TABLE items AS
SELECT item_id, behaviour_code, behaviour_name, domain_code
FROM read_parquet('${lake}/bronze/diagnostics_items/**/*.parquet', hive_partitioning = true) landed
SEMI JOIN committed_loads loads ON loads.load_id = landed.load_id AND loads.school_urn = landed.school_urn
QUALIFY row_number() OVER (PARTITION BY item_id
                           ORDER BY updated_at DESC, load_id DESC, source_position DESC) = 1;

-- silver.behaviour, as far as the items carry it.
CREATE OR REPLACE TEMP VIEW behaviours AS
SELECT behaviour_code, max(behaviour_name) AS behaviour_name, max(domain_code) AS domain_code
FROM items
GROUP BY behaviour_code;

-- Landing keeps every version of a record; silver keeps the newest per key (SilverFrames.newest).
CREATE OR REPLACE TEMP TABLE staff_spells AS
SELECT CAST(landed.school_urn AS INT) AS school_urn, staff_id, trn, email, role_level, role_start_date,
       role_end_date, updated_at, load_id, source_position
FROM read_parquet('${lake}/bronze/mis_staff/**/*.parquet', hive_partitioning = true) landed
SEMI JOIN committed_loads loads ON loads.load_id = landed.load_id AND loads.school_urn = landed.school_urn
QUALIFY row_number() OVER (PARTITION BY landed.school_urn, staff_id, role_start_date
                           ORDER BY updated_at DESC, load_id DESC, source_position DESC) = 1;

-- Person matching (LeaderMatcher): each (school, staff id) pair, with the identity of its newest
-- spell, is decided in order of school and staff id. A pair takes the person of the first
-- earlier pair with its teacher reference number, failing that of the first earlier pair with
-- its e-mail (trimmed, any case), and otherwise is a new person.
CREATE OR REPLACE TEMP TABLE staff_pairs AS
SELECT school_urn, staff_id, trn, nullif(lower(trim(email)), '') AS email,
       row_number() OVER (ORDER BY school_urn, staff_id) AS pair_order
FROM staff_spells
QUALIFY row_number() OVER (PARTITION BY school_urn, staff_id
                           ORDER BY updated_at DESC, load_id DESC, source_position DESC) = 1;

CREATE OR REPLACE TEMP VIEW pair_parents AS
SELECT pair.pair_order,
       CASE WHEN by_trn.first_order < pair.pair_order THEN by_trn.first_order
            WHEN by_email.first_order < pair.pair_order THEN by_email.first_order
            ELSE pair.pair_order
       END AS parent_order
FROM staff_pairs pair
LEFT JOIN (SELECT trn, min(pair_order) AS first_order
           FROM staff_pairs WHERE trn IS NOT NULL GROUP BY trn) by_trn
  ON by_trn.trn = pair.trn
LEFT JOIN (SELECT email, min(pair_order) AS first_order
           FROM staff_pairs WHERE email IS NOT NULL GROUP BY email) by_email
  ON by_email.email = pair.email;

-- The person of a pair is that of its parent, so follow parents up to a pair that is its own.
-- A parent always comes earlier, so the root is the lowest pair reached.
CREATE OR REPLACE TEMP TABLE leader_match AS
WITH RECURSIVE ancestors(pair_order, ancestor_order) AS (
    SELECT pair_order, parent_order FROM pair_parents
    UNION ALL
    SELECT ancestors.pair_order, parent.parent_order
    FROM ancestors
    JOIN pair_parents parent ON parent.pair_order = ancestors.ancestor_order
    WHERE parent.parent_order < parent.pair_order)
SELECT pair.school_urn, pair.staff_id, concat(root.school_urn, ':', root.staff_id) AS leader_key
FROM (SELECT pair_order, min(ancestor_order) AS root_order FROM ancestors GROUP BY pair_order) chain
JOIN staff_pairs pair ON pair.pair_order = chain.pair_order
JOIN staff_pairs root ON root.pair_order = chain.root_order;

-- restricted.leader_identity: a person's trn and e-mail from their newest staff record, which a
-- sitting from outside the MIS is matched on.
CREATE OR REPLACE TEMP TABLE leader_identity AS
SELECT match.leader_key, spell.trn, spell.email
FROM staff_spells spell
JOIN leader_match match ON match.school_urn = spell.school_urn AND match.staff_id = spell.staff_id
QUALIFY row_number() OVER (PARTITION BY match.leader_key
                           ORDER BY spell.updated_at DESC, spell.load_id DESC) = 1;

-- silver.leader: one row per role spell at a school.
CREATE OR REPLACE TEMP VIEW leader_spells AS
SELECT match.leader_key, spell.school_urn, spell.role_level, spell.role_start_date AS valid_from,
       spell.role_end_date AS valid_to
FROM staff_spells spell
JOIN leader_match match ON match.school_urn = spell.school_urn AND match.staff_id = spell.staff_id;

-- silver.diagnostic_sittings: the leader by the school's staff id, else the trn, else the
-- e-mail; a sitting of a leader the MIS does not know is left out, as silver leaves it out.
CREATE OR REPLACE TEMP TABLE sittings AS
SELECT concat(sitting.school_urn, ':', sitting.sitting_id) AS sitting_key,
       coalesce(pair.leader_key, by_trn.leader_key, by_email.leader_key) AS leader_key,
       sitting.urn AS school_urn, sitting.sitting_date,
       concat(start_year, '/', lpad(CAST((start_year + 1) % 100 AS VARCHAR), 2, '0')) AS academic_year,
       sitting.status
FROM (SELECT landed.*, CAST(landed.school_urn AS INT) AS urn,
             year(sitting_date) - CASE WHEN month(sitting_date) >= 9 THEN 0 ELSE 1 END AS start_year
      FROM read_parquet('${lake}/bronze/diagnostics_sittings/**/*.parquet', hive_partitioning = true) landed
      SEMI JOIN committed_loads loads
        ON loads.load_id = landed.load_id AND loads.school_urn = landed.school_urn
      QUALIFY row_number() OVER (PARTITION BY landed.school_urn, sitting_id
                                 ORDER BY updated_at DESC, load_id DESC, source_position DESC) = 1) sitting
LEFT JOIN leader_match pair ON pair.school_urn = sitting.urn AND pair.staff_id = sitting.staff_id
LEFT JOIN (SELECT trn, min(leader_key) AS leader_key FROM leader_identity WHERE trn IS NOT NULL GROUP BY trn)
    by_trn
  ON by_trn.trn = sitting.trn
LEFT JOIN (SELECT lower(email) AS email, min(leader_key) AS leader_key
           FROM leader_identity WHERE email IS NOT NULL GROUP BY lower(email)) by_email
  ON by_email.email = lower(sitting.email)
WHERE coalesce(pair.leader_key, by_trn.leader_key, by_email.leader_key) IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- gold/diagnostic_scores.sql
-- ---------------------------------------------------------------------------------------------

-- Completed sittings, and whether their school was in the trust on the day.
CREATE OR REPLACE TEMP TABLE completed_sittings AS
SELECT s.sitting_key, s.leader_key, s.school_urn, s.sitting_date, s.academic_year,
       s.sitting_date >= school.joined_on AS is_in_trust
FROM sittings s
JOIN school ON school.school_urn = s.school_urn
WHERE s.status = 'completed';

-- silver.diagnostic_responses, newest version per answer, of the framework's items only, less
-- the answers the platform withdrew.
CREATE OR REPLACE TEMP TABLE answers AS
SELECT s.sitting_key, r.rater_id AS rater_key, r.rater_role, r.item_id, item.behaviour_code, r.score
FROM (SELECT landed.*
      FROM read_parquet('${lake}/bronze/diagnostics_responses/**/*.parquet', hive_partitioning = true) landed
      SEMI JOIN committed_loads loads
        ON loads.load_id = landed.load_id AND loads.school_urn = landed.school_urn
      QUALIFY row_number() OVER (PARTITION BY landed.school_urn, sitting_id, rater_id, item_id
                                 ORDER BY updated_at DESC, load_id DESC, source_position DESC) = 1) r
JOIN items item ON item.item_id = r.item_id AND NOT coalesce(r.deleted, false)
JOIN completed_sittings s ON s.sitting_key = concat(r.school_urn, ':', r.sitting_id);

-- A rater's score in a behaviour is their mean over the behaviour's items they answered.
CREATE OR REPLACE TEMP TABLE rater_scores AS
SELECT sitting_key, behaviour_code, rater_key, max(rater_role) AS rater_role, avg(score) AS rater_score
FROM answers
GROUP BY sitting_key, behaviour_code, rater_key;

CREATE OR REPLACE TEMP TABLE sitting_scores AS
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

-- Others scores shown in gold: over at least min_raters raters.
CREATE OR REPLACE TEMP VIEW shown_scores AS
SELECT s.sitting_key, s.leader_key, s.school_urn, s.sitting_date, s.academic_year, s.is_in_trust,
       scores.behaviour_code, scores.others_mean AS others_score
FROM sitting_scores scores
JOIN completed_sittings s ON s.sitting_key = scores.sitting_key
WHERE scores.count_raters >= ${min_raters};

-- Each leader counts once a year per behaviour: by the latest sitting in the year with a shown
-- others score, at a school then in the trust.
CREATE OR REPLACE TEMP TABLE counted_scores AS
SELECT * FROM (
    SELECT shown.*,
           row_number() OVER (PARTITION BY leader_key, academic_year, behaviour_code
                              ORDER BY sitting_date DESC, sitting_key DESC) AS recency
    FROM shown_scores shown
    WHERE is_in_trust)
WHERE recency = 1;

CREATE OR REPLACE TEMP VIEW trust_benchmarks AS
SELECT academic_year, behaviour_code,
       CASE WHEN count(*) >= ${min_group_size} THEN avg(others_score) END AS trust_benchmark
FROM counted_scores
GROUP BY academic_year, behaviour_code;

-- The baseline of a behaviour: the first year with min_group_size leaders counted.
CREATE OR REPLACE TEMP VIEW baseline_scores AS
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
CREATE OR REPLACE TEMP VIEW baseline_rater_scores AS
SELECT baseline.behaviour_code, baseline.sitting_key, raters.rater_score,
       avg(raters.rater_score) OVER (PARTITION BY baseline.behaviour_code, baseline.sitting_key)
           AS leader_mean,
       avg(raters.rater_score) OVER (PARTITION BY baseline.behaviour_code) AS grand_mean
FROM baseline_scores baseline
JOIN rater_scores raters
  ON raters.sitting_key = baseline.sitting_key AND raters.behaviour_code = baseline.behaviour_code
WHERE raters.rater_role <> 'self';

CREATE OR REPLACE TEMP VIEW baseline_mean_squares AS
SELECT behaviour_code,
       sum(power(leader_mean - grand_mean, 2)) / nullif(count(DISTINCT sitting_key) - 1, 0)
           AS between_leaders,
       sum(power(rater_score - leader_mean, 2)) / nullif(count(*) - count(DISTINCT sitting_key), 0)
           AS within_leaders
FROM baseline_rater_scores
GROUP BY behaviour_code;

CREATE OR REPLACE TEMP VIEW change_scales AS
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
CREATE OR REPLACE TEMP VIEW sitting_pairs AS
SELECT later.sitting_key, earlier.sitting_key AS earlier_sitting_key
FROM completed_sittings later
JOIN completed_sittings earlier
  ON earlier.leader_key = later.leader_key
 AND (earlier.sitting_date < later.sitting_date
      OR (earlier.sitting_date = later.sitting_date AND earlier.sitting_key < later.sitting_key));

CREATE OR REPLACE TEMP TABLE items_asked AS
SELECT DISTINCT sitting_key, behaviour_code, item_id FROM answers;

CREATE OR REPLACE TEMP TABLE items_compared AS
SELECT pairs.sitting_key, pairs.earlier_sitting_key, now.behaviour_code, now.item_id
FROM sitting_pairs pairs
JOIN items_asked now ON now.sitting_key = pairs.sitting_key
JOIN items_asked earlier
  ON earlier.sitting_key = pairs.earlier_sitting_key AND earlier.item_id = now.item_id;

-- Rater scores over only the items asked at both sittings of a pair, at each of the two.
CREATE OR REPLACE TEMP VIEW compared_rater_scores AS
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
JOIN answers answer
  ON answer.sitting_key = compared.earlier_sitting_key AND answer.item_id = compared.item_id
WHERE answer.rater_role <> 'self'
GROUP BY compared.sitting_key, compared.earlier_sitting_key, compared.behaviour_code, answer.rater_key;

CREATE OR REPLACE TEMP TABLE pair_changes AS
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

-- ---------------------------------------------------------------------------------------------
-- gold/leader_behaviour_profile.sql
-- ---------------------------------------------------------------------------------------------

-- Rater groups shown: each with min_raters raters alone, and the raters outside the shown
-- groups none or at least min_raters; otherwise the smallest shown group is hidden too.
CREATE OR REPLACE TEMP VIEW rater_groups AS
SELECT *,
       count_raters
           - CASE WHEN line_manager_ok THEN count_line_managers ELSE 0 END
           - CASE WHEN peer_ok THEN count_peers ELSE 0 END
           - CASE WHEN direct_report_ok THEN count_direct_reports ELSE 0 END AS count_outside_groups
FROM (SELECT *,
             count_line_managers >= ${min_raters} AS line_manager_ok,
             count_peers >= ${min_raters} AS peer_ok,
             count_direct_reports >= ${min_raters} AS direct_report_ok
      FROM sitting_scores);

CREATE OR REPLACE TEMP VIEW rater_groups_shown AS
SELECT *,
       line_manager_ok AND NOT coalesce(hidden_group = 'line_manager', false) AS line_manager_shown,
       peer_ok AND NOT coalesce(hidden_group = 'peer', false) AS peer_shown,
       direct_report_ok AND NOT coalesce(hidden_group = 'direct_report', false) AS direct_report_shown
FROM (SELECT *,
             CASE WHEN count_outside_groups = 0 OR count_outside_groups >= ${min_raters} THEN NULL
                  WHEN line_manager_ok
                       AND (NOT peer_ok OR count_line_managers <= count_peers)
                       AND (NOT direct_report_ok OR count_line_managers <= count_direct_reports)
                       THEN 'line_manager'
                  WHEN peer_ok AND (NOT direct_report_ok OR count_peers <= count_direct_reports) THEN 'peer'
                  WHEN direct_report_ok THEN 'direct_report'
             END AS hidden_group
      FROM rater_groups);

CREATE OR REPLACE TEMP VIEW previous_sittings AS
SELECT sitting_key,
       lag(sitting_key) OVER (PARTITION BY leader_key ORDER BY sitting_date, sitting_key)
           AS previous_sitting_key
FROM completed_sittings;

-- The role level is the spell covering the sitting date at the sitting's school.
CREATE OR REPLACE TEMP VIEW profile_scores AS
SELECT s.leader_key, s.sitting_key, s.sitting_date, s.academic_year, s.school_urn, spell.role_level,
       g.behaviour_code, behaviour.domain_code, g.self_score, g.count_raters,
       g.count_raters < ${min_raters} AS is_suppressed,
       CASE WHEN g.count_raters >= ${min_raters} THEN g.others_mean END AS others_score,
       CASE WHEN g.line_manager_shown THEN g.line_manager_mean END AS line_manager_score,
       CASE WHEN g.peer_shown THEN g.peer_mean END AS peer_score,
       CASE WHEN g.direct_report_shown THEN g.direct_report_mean END AS direct_report_score,
       benchmark.trust_benchmark, previous.previous_sitting_key
FROM rater_groups_shown g
JOIN completed_sittings s ON s.sitting_key = g.sitting_key
JOIN behaviours behaviour ON behaviour.behaviour_code = g.behaviour_code
JOIN previous_sittings previous ON previous.sitting_key = s.sitting_key
LEFT JOIN leader_spells spell
  ON spell.leader_key = s.leader_key AND spell.school_urn = s.school_urn
 AND spell.valid_from <= s.sitting_date AND (spell.valid_to IS NULL OR spell.valid_to >= s.sitting_date)
LEFT JOIN trust_benchmarks benchmark
  ON benchmark.academic_year = s.academic_year AND benchmark.behaviour_code = g.behaviour_code;

CREATE OR REPLACE TEMP TABLE leader_behaviour_profile AS
SELECT p.leader_key, p.sitting_key, p.sitting_date, p.academic_year, p.school_urn, p.role_level,
       p.behaviour_code, p.domain_code, p.self_score, p.others_score, p.count_raters,
       p.line_manager_score, p.peer_score, p.direct_report_score,
       p.self_score - p.others_score AS gap, p.trust_benchmark,
       CASE WHEN p.self_score IS NULL OR p.others_score IS NULL THEN NULL
            WHEN p.self_score - p.others_score > ${agreement_margin} THEN 'over_estimator'
            WHEN p.self_score - p.others_score < -${agreement_margin} THEN 'under_estimator'
            WHEN p.others_score >= p.trust_benchmark THEN 'in_agreement_high'
            WHEN p.others_score < p.trust_benchmark THEN 'in_agreement_low'
       END AS agreement_category,
       p.previous_sitting_key,
       change.earlier_score AS previous_others_score,
       CASE WHEN NOT p.is_suppressed THEN change.others_change END AS others_change,
       CASE WHEN NOT p.is_suppressed THEN change.reliable_change_index END AS reliable_change_index,
       CASE WHEN NOT p.is_suppressed AND change.reliable_change_index IS NOT NULL
            THEN abs(change.reliable_change_index) > ${reliable_change_threshold} END AS is_reliable_change,
       CASE WHEN p.previous_sitting_key IS NOT NULL THEN coalesce(change.count_items_compared, 0) END
           AS count_items_compared,
       p.is_suppressed,
       CASE WHEN p.is_suppressed THEN 'fewer_than_min_raters' END AS suppression_reason
FROM profile_scores p
LEFT JOIN pair_changes change
  ON change.sitting_key = p.sitting_key AND change.earlier_sitting_key = p.previous_sitting_key
 AND change.behaviour_code = p.behaviour_code;

-- ---------------------------------------------------------------------------------------------
-- gold/counted_leaders.sql (the summary needs only counted_leaders, not school_years)
-- ---------------------------------------------------------------------------------------------

-- Leaders as the school and trust summaries count them: once a year per behaviour, by their
-- latest completed sitting in the year with a shown others score, at a school then in the
-- trust.
CREATE OR REPLACE TEMP TABLE counted_leaders AS
SELECT * FROM (
    SELECT profile.*,
           row_number() OVER (PARTITION BY profile.leader_key, profile.academic_year, profile.behaviour_code
                              ORDER BY profile.sitting_date DESC, profile.sitting_key DESC) AS recency
    FROM leader_behaviour_profile profile
    JOIN school ON school.school_urn = profile.school_urn
    WHERE NOT profile.is_suppressed
      AND profile.sitting_date >= school.joined_on)
WHERE recency = 1;

-- ---------------------------------------------------------------------------------------------
-- gold/school_behaviour_summary.sql
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE TEMP VIEW school_figures AS
SELECT academic_year, school_urn, behaviour_code,
       CAST(count(*) AS INT) AS count_leaders,
       avg(others_score) AS mean_others_score,
       stddev_samp(others_score) AS sd_others_score,
       avg(self_score) AS mean_self_score,
       avg(gap) AS mean_gap,
       avg(CASE WHEN agreement_category = 'over_estimator' THEN 1.0::DOUBLE ELSE 0.0::DOUBLE END)
           AS share_over_estimators,
       avg(CASE WHEN agreement_category = 'under_estimator' THEN 1.0::DOUBLE ELSE 0.0::DOUBLE END)
           AS share_under_estimators
FROM counted_leaders
GROUP BY academic_year, school_urn, behaviour_code;

CREATE OR REPLACE TEMP VIEW trust_figures AS
SELECT academic_year, behaviour_code,
       CASE WHEN count(*) >= ${min_group_size} THEN avg(others_score) END AS trust_benchmark
FROM counted_leaders
GROUP BY academic_year, behaviour_code;

-- Primary suppression below min_group_size; when exactly one school of a year and behaviour is
-- hidden, the smallest shown school goes too, as the trust figures would reveal it.
CREATE OR REPLACE TEMP VIEW school_suppression AS
SELECT *,
       CASE WHEN count_leaders < ${min_group_size} THEN 'fewer_than_min_group_size'
            WHEN count_hidden = 1 AND smallest_shown = 1 THEN 'secondary_suppression'
       END AS suppression_reason
FROM (SELECT *,
             count(CASE WHEN count_leaders < ${min_group_size} THEN 1 END)
                 OVER (PARTITION BY academic_year, behaviour_code) AS count_hidden,
             row_number() OVER (PARTITION BY academic_year, behaviour_code, count_leaders < ${min_group_size}
                                ORDER BY count_leaders, school_urn) AS smallest_shown
      FROM school_figures);

-- School names and phases live only in the trust configuration, which the benchmark passes
-- as (urn, joined_on) alone; they are left empty here, being no part of the timed work.
CREATE OR REPLACE TEMP TABLE school_behaviour_summary AS
SELECT f.academic_year, f.school_urn, CAST(NULL AS VARCHAR) AS school_name, CAST(NULL AS VARCHAR) AS phase,
       f.behaviour_code, behaviour.behaviour_name, behaviour.domain_code,
       CASE WHEN shown THEN f.count_leaders END AS count_leaders,
       CASE WHEN shown THEN f.mean_others_score END AS mean_others_score,
       CASE WHEN shown THEN f.sd_others_score END AS sd_others_score,
       CASE WHEN shown THEN f.mean_self_score END AS mean_self_score,
       CASE WHEN shown THEN f.mean_gap END AS mean_gap,
       trust.trust_benchmark,
       CASE WHEN shown THEN f.mean_others_score - trust.trust_benchmark END AS benchmark_difference,
       CASE WHEN shown THEN f.share_over_estimators END AS share_over_estimators,
       CASE WHEN shown THEN f.share_under_estimators END AS share_under_estimators,
       CASE WHEN shown THEN f.mean_others_score - trust.trust_benchmark >= ${benchmark_margin} END
           AS is_strength,
       CASE WHEN shown THEN f.share_over_estimators >= ${blind_spot_share} END AS is_blind_spot,
       CASE WHEN shown THEN f.share_under_estimators >= ${hidden_strength_share} END AS is_hidden_strength,
       NOT shown AS is_suppressed,
       f.suppression_reason
FROM (SELECT *, suppression_reason IS NULL AS shown FROM school_suppression) f
JOIN school ON school.school_urn = f.school_urn
JOIN behaviours behaviour ON behaviour.behaviour_code = f.behaviour_code
JOIN trust_figures trust
  ON trust.academic_year = f.academic_year AND trust.behaviour_code = f.behaviour_code;
