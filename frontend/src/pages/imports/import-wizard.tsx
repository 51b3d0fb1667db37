// The import wizard at /imports/new: upload → map columns → options, then the import starts and
// the job page follows it (run, results). `?job=<id>` resumes a file that was uploaded and
// analysed but never started.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ArrowLeft } from 'lucide-react';
import { importOptionsSchema, mappingProfileInputSchema, type ImportJob, type MappingProfile } from '@shared/contracts/imports';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { StepWizard } from '@/components/ui/step-wizard';
import { toast } from '@/components/ui/toast';
import { api, describeError, isApiError } from '@/lib/api';
import { IMPORTS_PATH, useImportJob, useMappingProfiles, useStartImport } from '@/features/imports/imports-api';
import { applyProfileToHeaders, checkMapping, initialMapping, isMappingValid, type MappingDraft } from './mapping-state';
import { MappingStep, type SaveProfileDraft } from './mapping-step';
import { OptionsStep, type OptionsDraft } from './options-step';
import { UploadStep } from './upload-step';
import { refuseFile, uploadFile, type UploadProgress } from './upload-file';

const DEFAULT_OPTIONS: OptionsDraft = { dedupeMode: 'update', source: '', defaultCountry: '', dryRun: false };

export function ImportWizard() {
  const resumeId = new URLSearchParams(useSearch()).get('job');
  const resumed = useImportJob(resumeId);
  if (!resumeId) return <WizardScreen />;
  if (resumed.isPending) return <WizardLoading />;
  if (resumed.isError) {
    return (
      <WizardFrame>
        <ErrorState title="This import could not be opened" description={describeError(resumed.error)} onRetry={() => void resumed.refetch()} retrying={resumed.isFetching} />
      </WizardFrame>
    );
  }
  return <WizardScreen resume={resumed.data.status === 'analysed' ? resumed.data : undefined} />;
}

function WizardFrame({ children }: { children: ReactNode }) {
  const [, navigate] = useLocation();
  return (
    <div className="mx-auto grid max-w-6xl">
      <HeaderActionBar
        eyebrow={
          <Button variant="link" className="h-auto p-0 text-muted-foreground" onClick={() => navigate('/imports')}>
            <ArrowLeft aria-hidden="true" /> Imports
          </Button>
        }
        title="Import contacts"
        description="Upload a CSV, check where each column goes, choose how duplicates are handled, and follow the import as it runs."
      />
      <Card className="p-6">{children}</Card>
    </div>
  );
}

function WizardLoading() {
  return (
    <WizardFrame>
      <div className="grid gap-4" aria-busy="true" aria-label="Loading the import">
        <Skeleton className="h-7 w-96" />
        <Skeleton className="h-64" />
      </div>
    </WizardFrame>
  );
}

function WizardScreen({ resume }: { resume?: ImportJob }) {
  const [, navigate] = useLocation();
  const profiles = useMappingProfiles();

  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [analysing, setAnalysing] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(resume ?? null);
  const uploadAbort = useRef<AbortController | null>(null);

  const [draft, setDraft] = useState<MappingDraft>(() => (resume?.analysis ? initialMapping(resume.analysis) : []));
  const [methods, setMethods] = useState<string[]>(() => resume?.analysis?.columns.map((c) => c.method) ?? []);
  const [showProblems, setShowProblems] = useState(false);
  const [profileId, setProfileId] = useState<string | null>(null);
  const [saveProfile, setSaveProfile] = useState<SaveProfileDraft>({ enabled: false, name: '' });
  const [saveProfileError, setSaveProfileError] = useState<string | null>(null);

  const [options, setOptions] = useState<OptionsDraft>(DEFAULT_OPTIONS);
  const [optionErrors, setOptionErrors] = useState<Partial<Record<keyof OptionsDraft, string>>>({});
  const [startError, setStartError] = useState<string | null>(null);
  const start = useStartImport(job?.id ?? '');

  const analysis = job?.analysis ?? null;
  const headers = useMemo(() => analysis?.columns.map((c) => c.header) ?? [], [analysis]);
  const problems = useMemo(() => checkMapping(draft, headers), [draft, headers]);

  useEffect(() => () => uploadAbort.current?.abort(), []);

  /** A job left behind (another file chosen, the wizard cancelled) is cancelled so history stays honest. */
  function abandon(previous: ImportJob | null) {
    if (previous && previous.status === 'analysed') void api.post(`${IMPORTS_PATH}/${previous.id}/cancel`).catch(() => undefined);
  }

  function chooseFile(next: File | null) {
    setUploadError(next ? refuseFile(next) : null);
    setFile(next);
    setProgress(null);
    if (job) {
      abandon(job);
      setJob(null);
    }
  }

  async function upload(): Promise<boolean> {
    if (job && !file) return true;
    if (!file) {
      setUploadError('Choose a CSV file first: drop it on the zone or use “Choose a file”.');
      return false;
    }
    if (job) return true;
    const refusal = refuseFile(file);
    if (refusal) {
      setUploadError(refusal);
      return false;
    }
    setUploadError(null);
    setUploading(true);
    setAnalysing(false);
    const controller = new AbortController();
    uploadAbort.current = controller;
    try {
      const analysed = await uploadFile(
        file,
        (p) => {
          setProgress(p);
          if (p.total > 0 && p.sent >= p.total) setAnalysing(true);
        },
        controller.signal,
      );
      setJob(analysed);
      setDraft(analysed.analysis ? initialMapping(analysed.analysis) : []);
      setMethods(analysed.analysis?.columns.map((c) => c.method) ?? []);
      setProfileId(null);
      setShowProblems(false);
      return true;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return false;
      setUploadError(describeError(error));
      return false;
    } finally {
      setUploading(false);
      setAnalysing(false);
    }
  }

  function changeTarget(column: number, target: string | null) {
    setDraft((d) => d.map((t, i) => (i === column ? target : t)));
    setMethods((m) => m.map((method, i) => (i === column ? (target === null ? 'ignored' : 'manual') : method)));
  }

  function pickProfile(profile: MappingProfile | null) {
    if (!analysis) return;
    setProfileId(profile?.id ?? null);
    if (!profile) {
      setDraft(initialMapping(analysis));
      setMethods(analysis.columns.map((c) => c.method));
      return;
    }
    setDraft(applyProfileToHeaders(profile, headers));
    setMethods(headers.map(() => 'profile'));
    setOptions((o) => ({
      ...o,
      dedupeMode: profile.options.dedupeMode,
      source: profile.options.source ?? o.source,
      defaultCountry: profile.options.defaultCountry ?? o.defaultCountry,
    }));
  }

  function checkMappingStep(): boolean {
    setShowProblems(true);
    let ok = isMappingValid(problems);
    if (saveProfile.enabled) {
      const name = mappingProfileInputSchema.shape.name.safeParse(saveProfile.name);
      const taken = profiles.data?.items.some((p) => p.name.toLowerCase() === saveProfile.name.trim().toLowerCase());
      const message = !name.success ? (name.error.issues[0]?.message ?? 'is not a valid name') : taken ? 'A profile with this name exists already.' : null;
      setSaveProfileError(message && !name.success ? `The name ${message}` : message);
      if (message) ok = false;
    } else {
      setSaveProfileError(null);
    }
    return ok;
  }

  function checkOptions(): boolean {
    const parsed = importOptionsSchema.safeParse({
      dedupeMode: options.dedupeMode,
      source: options.source.trim() || undefined,
      defaultCountry: options.defaultCountry.trim() || undefined,
    });
    if (parsed.success) {
      setOptionErrors({});
      return true;
    }
    const errors: Partial<Record<keyof OptionsDraft, string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof OptionsDraft] ??= issue.message;
    setOptionErrors(errors);
    return false;
  }

  async function startImport() {
    if (!job || !checkOptions()) return;
    setStartError(null);
    try {
      const started = await start.mutateAsync({
        mapping: draft.map((target, column) => ({ column, target })),
        options: {
          dedupeMode: options.dedupeMode,
          ...(options.source.trim() ? { source: options.source.trim() } : {}),
          ...(options.defaultCountry.trim() ? { defaultCountry: options.defaultCountry.trim() } : {}),
        },
        dryRun: options.dryRun,
        ...(saveProfile.enabled ? { saveProfileAs: saveProfile.name.trim() } : {}),
      });
      toast.success(options.dryRun ? 'Dry run started' : 'Import started', { description: started.fileName });
      navigate(`/imports/${started.id}`);
    } catch (error) {
      const message = isApiError(error) && Object.keys(error.fieldErrors).length ? `${describeError(error)} (${Object.entries(error.fieldErrors).map(([f, m]) => `${f}: ${m.join(', ')}`).join('; ')})` : describeError(error);
      setStartError(message);
      toast.error('The import did not start', { description: message });
    }
  }

  function cancelWizard() {
    uploadAbort.current?.abort();
    abandon(job);
    navigate('/imports');
  }

  return (
    <WizardFrame>
      <StepWizard
        initialStep={resume ? 1 : 0}
        onCancel={cancelWizard}
        finishLabel={options.dryRun ? 'Start dry run' : 'Start import'}
        onFinish={startImport}
        steps={[
          {
            id: 'upload',
            title: 'Upload',
            description: 'Choose the CSV file to import. It goes straight to storage; nothing is imported until you confirm the mapping.',
            validate: upload,
            content: (
              <UploadStep
                file={file ?? (job ? ({ name: job.fileName, size: job.fileSize ?? 0 } as File) : null)}
                onFile={chooseFile}
                progress={progress}
                analysing={analysing}
                error={uploadError}
                busy={uploading}
              />
            ),
          },
          {
            id: 'map',
            title: 'Map columns',
            description: 'Check where each column goes. Suggestions come from the Pivotal template headers and their usual synonyms; guesses are marked.',
            validate: checkMappingStep,
            content: analysis ? (
              <MappingStep
                analysis={analysis}
                draft={draft}
                methods={methods}
                onChange={changeTarget}
                problems={problems}
                showProblems={showProblems}
                profiles={profiles.data?.items}
                profilesError={profiles.isError}
                profileId={profileId}
                onPickProfile={pickProfile}
                saveProfile={saveProfile}
                onSaveProfileChange={setSaveProfile}
                saveProfileError={saveProfileError}
              />
            ) : (
              <Skeleton className="h-64" />
            ),
          },
          {
            id: 'options',
            title: 'Options',
            description: 'Choose how the file meets the contacts already in the CRM.',
            content: (
              <div className="grid gap-4">
                <OptionsStep options={options} onChange={setOptions} errors={optionErrors} />
                {startError && (
                  <p role="alert" className="rounded-lg border border-danger/40 bg-danger-subtle px-4 py-3 text-sm font-medium text-danger-text" data-testid="start-error">
                    {startError}
                  </p>
                )}
              </div>
            ),
          },
        ]}
      />
    </WizardFrame>
  );
}
