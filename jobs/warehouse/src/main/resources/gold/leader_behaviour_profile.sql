-- gold.leader_behaviour_profile, after diagnostic_scores.sql. Parameters: min_raters,
-- agreement_margin, reliable_change_threshold.

-- Rater groups shown: each with min_raters raters alone, and the raters outside the shown
-- groups none or at least min_raters; otherwise the smallest shown group is hidden too.
CREATE OR REPLACE TEMPORARY VIEW rater_groups AS
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

CREATE OR REPLACE TEMPORARY VIEW rater_groups_shown AS
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

CREATE OR REPLACE TEMPORARY VIEW previous_sittings AS
SELECT sitting_key,
       lag(sitting_key) OVER (PARTITION BY leader_key ORDER BY sitting_date, sitting_key) AS previous_sitting_key
FROM completed_sittings;

CREATE OR REPLACE TEMPORARY VIEW profile_scores AS
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
JOIN silver_behaviour behaviour ON behaviour.behaviour_code = g.behaviour_code
JOIN previous_sittings previous ON previous.sitting_key = s.sitting_key
LEFT JOIN silver_leader spell
  ON spell.leader_key = s.leader_key AND spell.school_urn = s.school_urn
 AND spell.valid_from <= s.sitting_date AND (spell.valid_to IS NULL OR spell.valid_to >= s.sitting_date)
LEFT JOIN trust_benchmarks benchmark
  ON benchmark.academic_year = s.academic_year AND benchmark.behaviour_code = g.behaviour_code;

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
 AND change.behaviour_code = p.behaviour_code
