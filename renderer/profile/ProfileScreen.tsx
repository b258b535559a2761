// The Profile screen beside the main menu; the page itself is ProfilePage.
import { ProfilePage } from './ProfilePage';

export function ProfileScreen() {
  return (
    <div className="profile-layout">
      <ProfilePage />
    </div>
  );
}
