--
-- PostgreSQL database dump (written by hand in pg_dump's shape: \restrict, SET lines, a function body, COPY data)
--

\restrict Xk3vQ7pL0a

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TYPE public.mood AS ENUM (
    'sad',
    'ok;fine'
);

CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.changed := now();
  RETURN NEW;
END;
$$;

CREATE TABLE public.notes (
    id integer NOT NULL,
    body text,
    mood public.mood,
    changed timestamp with time zone
);

CREATE SEQUENCE public.notes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.notes_id_seq OWNED BY public.notes.id;

ALTER TABLE ONLY public.notes ALTER COLUMN id SET DEFAULT nextval('public.notes_id_seq'::regclass);

--
-- Data for Name: notes; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.notes (id, body, mood, changed) FROM stdin;
1	semi;colon	ok;fine	\N
2	tab\there, backslash \\ and a line\nbreak	sad	2026-11-23 10:00:00+00
3	\N	\N	\N
\.


SELECT pg_catalog.setval('public.notes_id_seq', 3, true);

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);

CREATE TRIGGER notes_touch BEFORE UPDATE ON public.notes FOR EACH ROW EXECUTE FUNCTION public.touch();

--
-- PostgreSQL database dump complete
--

\unrestrict Xk3vQ7pL0a

