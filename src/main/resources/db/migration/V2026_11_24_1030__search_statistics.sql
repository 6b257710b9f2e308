-- Detailed statistics of the search columns, so that the planner tells a common search
-- fragment from a rare one. It estimates LIKE '%…%' from the column's histogram; with the
-- default 100 buckets a fragment found in fewer than about one row in a hundred is
-- estimated at one in ten thousand (on a million clients, 100 rows for a fragment in
-- 16,000 of them), and a manager's search then reads every match to keep their own.
-- With 1,000 buckets the estimates hold down to about one row in a thousand. The columns
-- are new (the previous migration), so they have no statistics until analysed.
alter table clients alter column search_text set statistics 1000;
alter table contacts alter column search_text set statistics 1000;
alter table leads alter column search_text set statistics 1000;
analyze clients (search_text);
analyze contacts (search_text);
analyze leads (search_text);
