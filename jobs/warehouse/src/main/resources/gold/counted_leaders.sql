-- Leaders as the school and trust summaries count them: once a year per behaviour, by their
-- latest completed sitting in the year with a shown others score, at a school then in the
-- trust. Reads gold.leader_behaviour_profile.
CREATE OR REPLACE TEMPORARY VIEW counted_leaders AS
SELECT * FROM (
    SELECT profile.*,
           row_number() OVER (PARTITION BY profile.leader_key, profile.academic_year, profile.behaviour_code
                              ORDER BY profile.sitting_date DESC, profile.sitting_key DESC) AS recency
    FROM gold_leader_behaviour_profile profile
    JOIN silver_school school ON school.school_urn = profile.school_urn
    WHERE NOT profile.is_suppressed
      AND profile.sitting_date >= school.joined_on
      AND (school.left_on IS NULL OR profile.sitting_date <= school.left_on))
WHERE recency = 1;

-- The academic years each school was in the trust for at least a day, with the years' bounds.
CREATE OR REPLACE TEMPORARY VIEW school_years AS
SELECT school.*, years.academic_year, years.year_start, years.year_end,
       school.joined_on <= add_months(years.year_start, -12) AS has_previous_year,
       school.joined_on >= years.year_start AS joined_during_year
FROM silver_school school
JOIN academic_years years
  ON school.joined_on <= years.year_end AND (school.left_on IS NULL OR school.left_on >= years.year_start)
