// "Change password" from the user menu: the same form as the forced change, in a dialog.
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { useAuth } from '@/lib/auth';
import { ChangePasswordForm } from './change-password-form';

export default function ChangePasswordDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>Change password</DialogTitle>
          <DialogDescription>Your other sessions will be signed out.</DialogDescription>
        </DialogHeader>
        <ChangePasswordForm
          owner={user}
          onCancel={() => onOpenChange(false)}
          onChanged={() => {
            onOpenChange(false);
            toast.success('Password changed. Other sessions were signed out.');
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
